import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, parseEnrolmentCsv, type ImportCourse } from "./enrolment-csv";

const courses: ImportCourse[] = [
  { id: 1, slug: "que-es-una-cooperativa", title: "¿Qué es una cooperativa?", open: true },
  { id: 2, slug: "borrador", title: "Borrador", open: false },
];

const rowsOf = async (text: string) => {
  const parsed = await parseEnrolmentCsv(text, courses);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.rows;
};

describe("parseEnrolmentCsv", () => {
  it("reads Spanish headers in any order, with semicolons, normalising contacts", async () => {
    const rows = await rowsOf(
      "Curso;Teléfono;Nombre completo;Correo\nque-es-una-cooperativa;987 654 321;  Rosa   Quispe ;ROSA@Example.org\n",
    );
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        fullName: "Rosa Quispe",
        email: "rosa@example.org",
        phone: "+51987654321",
        problems: [],
      }),
    ]);
    expect(rows[0].course?.id).toBe(1);
  });

  it("reads English headers with commas and quoted names, and matches a course by its title", async () => {
    const rows = await rowsOf('full name,email,course\n"Quispe, Rosa",rosa@example.org,"¿Que es una Cooperativa?"\n');
    expect(rows[0]).toMatchObject({ fullName: "Quispe, Rosa", problems: [] });
    expect(rows[0].course?.slug).toBe("que-es-una-cooperativa");
  });

  it("reads the file the way attendance reports are read: blank lines before the header, titles with punctuation", async () => {
    // A sheet exported with an empty first row; the delimiter is guessed from the first line with content.
    const rows = await rowsOf(
      "\n;;\nNombre;Correo electrónico:;Curso\nRosa Quispe;rosa@example.org;que-es-una-cooperativa\n",
    );
    expect(rows).toEqual([
      expect.objectContaining({ fullName: "Rosa Quispe", email: "rosa@example.org", problems: [] }),
    ]);
  });

  it("reads optional country and region columns, by code or name, and names a region of another country", async () => {
    const rows = await rowsOf(
      [
        "Nombre;Correo;Curso;País;Región",
        "Ana;ana@example.org;que-es-una-cooperativa;Perú;Cusco",
        "Berta;berta@example.org;que-es-una-cooperativa;GT;GT-QZ",
        "Carla;carla@example.org;que-es-una-cooperativa;;",
        "Dora;dora@example.org;que-es-una-cooperativa;PE;Quetzaltenango",
        "Eva;eva@example.org;que-es-una-cooperativa;Narnia;",
      ].join("\n"),
    );
    expect(rows.map((r) => [r.line, r.country, r.region, r.problems])).toEqual([
      [2, "PE", "PE-CUS", []],
      [3, "GT", "GT-09", []],
      [4, null, null, []],
      [5, "PE", null, ["regionNotOfCountry"]],
      [6, null, null, ["unknownCountry"]],
    ]);
    expect(rows[3]).toMatchObject({ rawCountry: "PE", rawRegion: "Quetzaltenango" });
  });

  it("names each row's problems", async () => {
    const rows = await rowsOf(
      [
        "nombre,correo,celular,curso",
        "Ana,ana@example.org,,no-existe",
        ",,,que-es-una-cooperativa",
        "Berta,berta@,12,que-es-una-cooperativa",
        "Carla,carla@example.org,,borrador",
        "Ana,ana@example.org,,que-es-una-cooperativa",
        "Ana María,ANA@example.org,,que-es-una-cooperativa",
        `${"Rosa ".repeat(30)},rosa@example.org,,que-es-una-cooperativa`,
      ].join("\n"),
    );
    expect(rows.map((r) => r.problems)).toEqual([
      ["unknownCourse"],
      ["missingName", "missingContact"],
      ["badEmail", "badPhone"],
      ["closedCourse"],
      [],
      ["duplicateRow"],
      ["nameTooLong"],
    ]);
    expect(rows[5].duplicateOf).toBe(6);
  });

  it("refuses empty files, header-only files and files without the needed columns", async () => {
    expect(await parseEnrolmentCsv("", courses)).toEqual({ ok: false, problem: "empty" });
    expect(await parseEnrolmentCsv("\uFEFF \r\n", courses)).toEqual({ ok: false, problem: "empty" });
    expect(await parseEnrolmentCsv("nombre,correo,curso\r\n,,\r\n", courses)).toEqual({ ok: false, problem: "empty" });
    expect(await parseEnrolmentCsv("nombre,curso\nAna,x\n", courses)).toEqual({ ok: false, problem: "missingColumns" });
    expect(await parseEnrolmentCsv('nombre,correo,curso\n"Ana,a@b.pe,x\n', courses)).toEqual({
      ok: false,
      problem: "unreadable",
    });
  });
});

describe("parseEnrolmentCsv on files far over the row limit", () => {
  const header = "nombre,correo,curso";
  const row = (i: number) => `Persona ${i},p${i}@example.org,que-es-una-cooperativa`;

  it("stops reading after the limit: an unreadable line further down is never reached", async () => {
    // Read whole, the unclosed quote at the end would make the file "unreadable".
    const text = [header, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => row(i)), '"Ana,a@b.pe,x'].join("\n");
    expect(await parseEnrolmentCsv(text, courses)).toEqual({ ok: false, problem: "tooManyRows" });
  });

  it("refuses 2 MB of one-column lines as more than 2,000 rows", async () => {
    const text = [header, ...Array.from({ length: 250_000 }, (_, i) => `p${i}`)].join("\r\n");
    expect(await parseEnrolmentCsv(text, courses)).toEqual({ ok: false, problem: "tooManyRows" });
  });

  it("reads a file of exactly 2,000 rows whole", async () => {
    const text = [header, ...Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => row(i)), "", ",,"].join("\n");
    const parsed = await parseEnrolmentCsv(text, courses);
    expect(parsed.ok && parsed.rows).toHaveLength(MAX_IMPORT_ROWS);
  });
});
