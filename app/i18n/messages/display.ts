import { defineMessages } from "../define";

export default defineMessages({
  es: {
    textSize: {
      large: "Letra grande",
    },
    table: {
      scroll: "Tabla: deslice hacia el lado para ver todas las columnas",
    },
  },
  en: {
    textSize: {
      large: "Large text",
    },
    table: {
      scroll: "Table: swipe sideways to see every column",
    },
  },
});
