import { describe, expect, it } from "vitest";
import { ftsQuery } from "./course.server";

describe("ftsQuery", () => {
  it("turns words into required prefixes, dropping FTS syntax", () => {
    expect(ftsQuery("precio justo")).toBe('"precio"* AND "justo"*');
    expect(ftsQuery('  "estafa" OR (NEAR) -x*  ')).toBe('"estafa"* AND "OR"* AND "NEAR"* AND "x"*');
    expect(ftsQuery("Quórum")).toBe('"Quórum"*');
  });
  it("lets a plural find the singular", () => {
    expect(ftsQuery("estafas precios")).toBe('"estafa"* AND "precio"*');
    expect(ftsQuery("mes gas")).toBe('"mes"* AND "gas"*');
  });
  it("has nothing to search for punctuation alone", () => {
    expect(ftsQuery("¿?!*")).toBeNull();
  });
});
