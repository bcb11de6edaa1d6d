import { describe, expect, it } from "vitest";
import { brokenLink } from "./links";

const lessons = new Map([
  ["finanzas", new Set(["costos", "precios"])],
  ["ventas", new Set(["fotos"])],
]);
const from = "/courses/finanzas/costos";

describe("links between lessons", () => {
  it("accepts relative and absolute links to existing lessons and courses", () => {
    for (const url of [
      "./precios",
      "precios",
      "../ventas/fotos",
      "/courses/ventas",
      "/courses/ventas/fotos#video",
      "../ventas",
    ]) {
      expect(brokenLink(url, from, lessons), url).toBeNull();
    }
  });
  it("leaves other sites, anchors and other pages of Minka alone", () => {
    for (const url of ["https://www.ica.coop", "mailto:a@b.pe", "#ideas", "/workshops"])
      expect(brokenLink(url, from, lessons), url).toBeNull();
  });
  it("explains what is missing", () => {
    expect(brokenLink("./ventas", from, lessons)).toBe('link "./ventas": course "finanzas" has no lesson "ventas"');
    expect(brokenLink("/courses/cocina", from, lessons)).toBe('link "/courses/cocina": there is no course "cocina"');
    expect(brokenLink("./guia.pdf", from, lessons)).toBe(
      'link "./guia.pdf": course "finanzas" has no lesson "guia.pdf"',
    );
  });
});
