import { describe, expect, it } from "vitest";
import { translatorFor } from "../i18n/translator.server";
import { attachment, EXPORT_KINDS, exportFilename, slugify } from "./export-filename";

const es = translatorFor("es");
const en = translatorFor("en");

describe("slugify", () => {
  it("drops accents and case and joins words with single dashes", () => {
    expect(slugify("Gestión de Cooperativas: ¿Año 2?")).toBe("gestion-de-cooperativas-ano-2");
    expect(slugify("  Ñandú  &  Cía.  ")).toBe("nandu-cia");
    expect(slugify("Ünïcödé façade")).toBe("unicode-facade");
  });
  it("leaves nothing of text without Latin letters or digits", () => {
    expect(slugify("¿¡…!?")).toBe("");
    expect(slugify("会议")).toBe("");
  });
  it("cuts a long title at a word", () => {
    const slug = slugify("Taller de contabilidad básica para cooperativas agrarias de la sierra sur del Perú");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe("taller-de-contabilidad-basica-para-cooperativas-agrarias-de");
    expect(slugify("a".repeat(80))).toBe("a".repeat(60));
  });
});

describe("export file names", () => {
  it("follow one pattern, the kind in the reader's language", () => {
    const name = { subject: "Gestión de Cooperativas", date: "2026-03-12", ext: "csv" };
    expect(exportFilename(es, "registrations", name)).toBe(
      "minka-inscripciones-gestion-de-cooperativas-2026-03-12.csv",
    );
    expect(exportFilename(en, "registrations", name)).toBe(
      "minka-registrations-gestion-de-cooperativas-2026-03-12.csv",
    );
    expect(exportFilename(es, "myData", { date: "2026-03-12", ext: "json" })).toBe("minka-mis-datos-2026-03-12.json");
    expect(exportFilename(en, "myData", { date: "2026-03-12", ext: "json" })).toBe("minka-my-data-2026-03-12.json");
  });
  it("join the parts of a subject and leave out the empty ones", () => {
    expect(
      exportFilename(es, "reach", { subject: ["2022-10-01", "2023-09-30", null], date: "2026-03-12", ext: "xlsx" }),
    ).toBe("minka-alcance-2022-10-01-2023-09-30-2026-03-12.xlsx");
    expect(
      exportFilename(en, "certificate", { subject: ["Finanzas básicas", "K7Q2-MX4P"], date: "2023-01-20", ext: "pdf" }),
    ).toBe("minka-certificate-finanzas-basicas-k7q2-mx4p-2023-01-20.pdf");
    expect(exportFilename(es, "personData", { subject: 42, date: "2026-03-12", ext: "csv" })).toBe(
      "minka-datos-persona-42-2026-03-12.csv",
    );
    expect(exportFilename(es, "workshop", { subject: "¿?", date: "2026-03-12", ext: "ics" })).toBe(
      "minka-taller-2026-03-12.ics",
    );
  });
  it("are dated today (in Lima) unless told otherwise", () => {
    expect(exportFilename(es, "attendance", { subject: "x", ext: "csv" })).toMatch(
      /^minka-asistencia-x-\d{4}-\d{2}-\d{2}\.csv$/,
    );
  });
  it("are plain ASCII for every kind in both languages", () => {
    for (const t of [es, en]) {
      for (const kind of EXPORT_KINDS) {
        const name = exportFilename(t, kind, { subject: "Año «Niñez» — Peru/Perú", date: "2026-03-12", ext: "xlsx" });
        expect(name, kind).toMatch(/^minka-[a-z0-9]+(-[a-z0-9]+)*-ano-ninez-peru-peru-2026-03-12\.xlsx$/);
        expect(name, kind).not.toContain("downloads");
      }
    }
  });
});

describe("the download header", () => {
  it("names the file, with anything unsafe replaced", () => {
    expect(attachment("minka-taller-x-2026-03-12.ics")).toBe('attachment; filename="minka-taller-x-2026-03-12.ics"');
    expect(attachment('a"b\\c ñ.csv')).toBe('attachment; filename="a_b_c__.csv"');
  });
});
