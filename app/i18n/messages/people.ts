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
  },
});
