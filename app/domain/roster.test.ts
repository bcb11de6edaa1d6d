import { describe, expect, it } from "vitest";
import { MAX_ROSTER_ROWS } from "./limits";
import { parseRosterCsv, resolveCountry, type RosterOptions } from "./roster";

const options: RosterOptions = { consentForAll: false, currentYear: 2026 };

const rowsOf = async (text: string, opts: Partial<RosterOptions> = {}) => {
  const parsed = await parseRosterCsv(text, { ...options, ...opts });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.rows;
};

const problemsByLine = async (text: string, opts: Partial<RosterOptions> = {}) =>
  (await rowsOf(text, opts)).map((r) => [r.line, r.problems]);

describe("parseRosterCsv", () => {
  it("reads the Spanish template's headers (accents and case ignored), in any order, with semicolons", async () => {
    const rows = await rowsOf(
      "PAÍS;Nombre completo;Teléfono;Correo;Sexo;Año de nacimiento;Región;Cooperativa;Consentimiento\n" +
        "Perú; Rosa   Quispe ;987 654 321;ROSA@Example.org;Mujer;1985;Cusco;Coop Sur;Sí\n",
    );
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        fullName: "Rosa Quispe",
        email: "rosa@example.org",
        phone: "+51987654321",
        sex: "female",
        birthYear: 1985,
        country: "PE",
        region: "PE-CUS",
        cooperative: "Coop Sur",
        consent: true,
        problems: [],
      }),
    ]);
  });

  it("reads English headers with commas; phones take the row's country; country and region by code or name", async () => {
    const rows = await rowsOf(
      "full name,email,phone,sex,birth year,country,region,cooperative,consent\n" +
        "Ana Pérez,,5555 1234,female,1990,Guatemala,GT-AV,,yes\n" +
        "Luis Díaz,luis@example.org,,male,,República Dominicana,Santiago,Coop DR,no\n" +
        "Marta Ruiz,marta@example.org,,,,HN,,,\n",
    );
    expect(rows.map((r) => [r.fullName, r.phone, r.country, r.region, r.sex, r.consent, r.problems])).toEqual([
      ["Ana Pérez", "+50255551234", "GT", "GT-16", "female", true, []],
      ["Luis Díaz", null, "DO", "DO-35", "male", false, []],
      ["Marta Ruiz", null, "HN", null, "not_stated", false, []],
    ]);
  });

  it("knows countries by ISO code and by Spanish or English name", () => {
    expect(["Peru", "perú", "PE", "PER"].map(resolveCountry)).toEqual(["PE", "PE", "PE", "PE"]);
    expect(["Dominican Republic", "República Dominicana", "el salvador", "Otro país"].map(resolveCountry)).toEqual([
      "DO",
      "DO",
      "SV",
      "OTHER",
    ]);
    expect(resolveCountry("XX")).toBeUndefined();
  });

  it("says at each line why a row cannot be imported", async () => {
    const text =
      "Nombre,Correo,Teléfono,Sexo,Año de nacimiento,País,Región,Consentimiento\n" +
      ",a@example.org,,,,,,\n" + // 2: no name
      "Sin Contacto,,,,,,,no\n" + // 3: no contact, no consent
      "Futuro,f@example.org,,,2099,,,\n" + // 4
      "Antiguo,g@example.org,,,1899,,,\n" + // 5
      "País Raro,h@example.org,,,,XX,,\n" + // 6
      "Región Ajena,i@example.org,,,,PE,Olancho,\n" + // 7: a Honduran region for Peru
      "Sin País,j@example.org,,,,,Cusco,\n" + // 8
      "Sexo Raro,k@example.org,,quizás,,,,\n" + // 9
      "Correo Malo,no-es-correo,,,,,,\n" + // 10
      "Teléfono Malo,,12,,,,,sí\n" + // 11
      "Consentimiento Raro,,,,,,,tal vez\n" + // 12
      "Repetida,a@example.org,,,,,,\n"; // 13: same e-mail as line 2
    expect(await problemsByLine(text)).toEqual([
      [2, ["missingName"]],
      [3, ["noContactNoConsent"]],
      [4, ["badBirthYear"]],
      [5, ["badBirthYear"]],
      [6, ["unknownCountry"]],
      [7, ["regionNotOfCountry"]],
      [8, ["regionWithoutCountry"]],
      [9, ["badSex"]],
      [10, ["badEmail"]],
      [11, ["badPhone"]],
      [12, ["badConsent"]],
      [13, ["duplicateRow"]],
    ]);
    expect((await rowsOf(text))[11].duplicateOf).toBe(2);
  });

  it("a row with no contact is fine when it, or the whole list, has consent", async () => {
    expect(await problemsByLine("Nombre,Teléfono,Consentimiento\nAna,,sí\nLuis,,\n")).toEqual([
      [2, []],
      [3, ["noContactNoConsent"]],
    ]);
    expect(await problemsByLine("Nombre,Teléfono\nAna,\n", { consentForAll: true })).toEqual([[2, []]]);
    // The row's own "no" wins over the page's box.
    expect(await problemsByLine("Nombre,Teléfono,Consentimiento\nAna,,no\n", { consentForAll: true })).toEqual([
      [2, ["noContactNoConsent"]],
    ]);
  });

  it("refuses a file without a name column or any contact column, an empty one, and one over the row limit", async () => {
    expect(await parseRosterCsv("Correo,País\na@example.org,PE\n", options)).toEqual({
      ok: false,
      problem: "missingColumns",
    });
    expect(await parseRosterCsv("Nombre,País\nAna,PE\n", options)).toEqual({ ok: false, problem: "missingColumns" });
    expect(await parseRosterCsv("Nombre,Correo\n", options)).toEqual({ ok: false, problem: "empty" });
    expect(await parseRosterCsv("  \n", options)).toEqual({ ok: false, problem: "empty" });
    const rows = (n: number) =>
      "Nombre,Correo\n" + Array.from({ length: n }, (_, i) => `P ${i},p${i}@example.org`).join("\n") + "\n";
    expect(await parseRosterCsv(rows(MAX_ROSTER_ROWS + 1), options)).toEqual({ ok: false, problem: "tooManyRows" });
    const atLimit = await parseRosterCsv(rows(MAX_ROSTER_ROWS), options);
    expect(atLimit.ok && atLimit.rows.length).toBe(MAX_ROSTER_ROWS);
  });
});
