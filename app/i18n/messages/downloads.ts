import { defineMessages } from "../define";

// The kind of file in every download's name (`app/utils/export-filename.ts`): lower case, words joined by "-".
export default defineMessages({
  es: {
    kinds: {
      registrations: "inscripciones",
      attendance: "asistencia",
      checkInPoster: "cartel-asistencia",
      signInSheet: "hoja-de-firmas",
      progress: "avance",
      reach: "alcance",
      certificate: "certificado",
      workshop: "taller",
      myData: "mis-datos",
      personData: "datos-persona",
      accessCards: "tarjetas-acceso",
    },
  },
  en: {
    kinds: {
      registrations: "registrations",
      attendance: "attendance",
      checkInPoster: "attendance-poster",
      signInSheet: "sign-in-sheet",
      progress: "progress",
      reach: "reach",
      certificate: "certificate",
      workshop: "workshop",
      myData: "my-data",
      personData: "person-data",
      accessCards: "access-cards",
    },
  },
});
