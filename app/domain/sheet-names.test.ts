import { describe, expect, it } from "vitest";
import { translatorFor } from "../i18n/translator.server";
import { SHEET_IDS, sheetName, sheetNameProblem } from "./sheet-names";

const translators = {
  es: translatorFor("es"),
  en: translatorFor("en"),
};

describe("sheet names", () => {
  for (const [locale, t] of Object.entries(translators)) {
    it(`every sheet has a whole, valid and unique name in ${locale}`, () => {
      const names = SHEET_IDS.map((id) => sheetName(id, t));
      for (const name of names) {
        expect(name.length, name).toBeLessThanOrEqual(31);
        expect(sheetNameProblem(name), name).toBeNull();
      }
      expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    });
  }

  it("names what Excel refuses: empty, longer than 31 characters, : \\ / ? * [ ] or an apostrophe at an end", () => {
    expect(sheetNameProblem("Por edad (pares de los financiadores)")).toBe("tooLong");
    expect(sheetNameProblem("")).toBe("empty");
    for (const name of ["a:b", "a\\b", "a/b", "a?b", "a*b", "[a]", "'a", "a'"])
      expect(sheetNameProblem(name), name).toBe("forbidden");
    expect(sheetNameProblem("Por edad (financiadores)")).toBeNull();
  });
});
