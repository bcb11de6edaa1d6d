import { describe, expect, it } from "vitest";
import { layOutLabels, wrapLabel } from "./chart-labels";

describe("wrapLabel", () => {
  it("breaks between words, each line within the width", () => {
    expect(wrapLabel("República Dominicana", 19)).toEqual(["República", "Dominicana"]);
    expect(wrapLabel("Mujer", 19)).toEqual(["Mujer"]);
    expect(wrapLabel("de 15 a 29 años", 19)).toEqual(["de 15 a 29 años"]);
    expect(wrapLabel("Cómo llevar las cuentas de su cooperativa", 19)).toEqual([
      "Cómo llevar las",
      "cuentas de su",
      "cooperativa",
    ]);
  });

  it("gives up on a word longer than a line, rather than cutting it", () => {
    expect(wrapLabel("Desafortunadamente-larguísimo", 19)).toBeNull();
  });

  it("keeps an empty name as one empty line", () => {
    expect(wrapLabel("  ", 19)).toEqual([""]);
  });
});

describe("layOutLabels", () => {
  it("wraps the names when every one fits in the lines allowed", () => {
    expect(layOutLabels(["Perú", "República Dominicana"], 19, 2)).toEqual({
      numbered: false,
      lines: [["Perú"], ["República", "Dominicana"]],
    });
  });

  it("numbers the bars as soon as one name does not fit, never cutting it", () => {
    expect(
      layOutLabels(
        [
          "Perú",
          "Taller: Comercialización asociativa del café de altura (Cusco)",
          "Taller: Comercialización asociativa del café de altura (Puno)",
        ],
        19,
        2,
      ),
    ).toEqual({ numbered: true });
    expect(layOutLabels(["Perú", "Supercalifragilísticoespialidoso"], 19, 2)).toEqual({ numbered: true });
  });
});
