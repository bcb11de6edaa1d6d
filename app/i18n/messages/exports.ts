import { defineMessages } from "../define";

// Spreadsheet sheet names (`app/domain/sheet-names.ts`): whole words, at most 31 characters (Excel's limit), unique.
export default defineMessages({
  es: {
    sheets: {
      summary: "Resumen",
      workshops: "Talleres",
      bySex: "Por sexo",
      byAge: "Por edad",
      byFunderAge: "Por edad (financiadores)",
      byCountry: "Por país",
      byRegion: "Por región",
      byCooperative: "Por cooperativa",
      byModality: "Por modalidad",
      byMonth: "Primera vez, por mes",
      courses: "Cursos",
      quality: "Calidad de los datos",
      registrations: "Inscripciones",
      attendancePeople: "Asistencia por persona",
      attendanceSessions: "Asistencia por sesión",
      courseProgress: "Avance en el curso",
      personData: "Datos personales",
    },
  },
  en: {
    sheets: {
      summary: "Summary",
      workshops: "Workshops",
      bySex: "By sex",
      byAge: "By age",
      byFunderAge: "By age (funders)",
      byCountry: "By country",
      byRegion: "By region",
      byCooperative: "By cooperative",
      byModality: "By modality",
      byMonth: "First reached, by month",
      courses: "Courses",
      quality: "Data quality",
      registrations: "Registrations",
      attendancePeople: "Attendance by person",
      attendanceSessions: "Attendance by session",
      courseProgress: "Course progress",
      personData: "Personal data",
    },
  },
});
