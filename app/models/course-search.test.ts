import { describe, expect, it } from "vitest";
import { ftsQuery } from "./course.server";

describe("ftsQuery", () => {
  it("turns words into required prefixes, dropping FTS syntax", () => {
    expect(ftsQuery("precio justo")).toBe('"precio"* AND "justo"*');
    expect(ftsQuery('  "estafas" OR (NEAR) -x*  ')).toBe('"estafas"* AND "OR"* AND "NEAR"* AND "x"*');
    expect(ftsQuery("Quórum")).toBe('"Quórum"*');
  });
  it("has nothing to search for punctuation alone", () => {
    expect(ftsQuery("¿?!*")).toBeNull();
  });
});
