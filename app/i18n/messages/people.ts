import { defineMessages } from "../define";

export default defineMessages({
  es: {
    place: {
      country: "País",
      region: "Región o departamento",
      regionHint: "Elija la región del país que marcó arriba.",
      choose: "Elija un país",
      unknown: "No sabe",
      errors: {
        countryUnknown: "Elija un país de la lista.",
        regionUnknown: "Elija una región de la lista.",
        regionNotOfCountry: "Esa región no es del país elegido. Elija una región de ese país o «No sabe».",
      },
    },
    birthYear: {
      errors: {
        notAYear: "Escriba un año de cuatro cifras, por ejemplo 1962.",
        tooEarly: "El año de nacimiento debe ser 1900 o después.",
        inFuture: "El año de nacimiento no puede ser posterior a este año.",
      },
    },
  },
  en: {
    place: {
      country: "Country",
      region: "Region or department",
      regionHint: "Choose a region of the country marked above.",
      choose: "Choose a country",
      unknown: "Does not know",
      errors: {
        countryUnknown: "Choose a country from the list.",
        regionUnknown: "Choose a region from the list.",
        regionNotOfCountry: "That region is not in the chosen country. Choose one of its regions or “Does not know”.",
      },
    },
    birthYear: {
      errors: {
        notAYear: "Write a four-digit year, for example 1962.",
        tooEarly: "The year of birth must be 1900 or later.",
        inFuture: "The year of birth cannot be later than this year.",
      },
    },
  },
});
