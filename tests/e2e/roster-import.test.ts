import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, logInThroughForm, openBrowser, type TestBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/**
 * Roster import (/staff/people/import) over real HTTP against the production build, without
 * JavaScript: plain multipart and form POSTs, as a browser with scripts off sends them.
 */

let server: TestServer;
let manager = "";
let facilitator = "";

const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);

beforeAll(async () => {
  server = await startTestServer();
  manager = await logIn(server, "gestora@minka.test");
  facilitator = await logIn(server, "facilitadora@minka.test");
}, 120_000);
const browsers: TestBrowser[] = [];
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server.stop();
});

/** The page as rendered, without the scripts (they carry every message of the locale, shown or not). */
async function shown(response: Response): Promise<string> {
  return (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
}

async function upload(
  file: { body: string | Uint8Array; name: string; type?: string },
  fields: Record<string, string>,
  cookie = manager,
) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append(
    "file",
    new Blob([typeof file.body === "string" ? file.body : new Uint8Array(file.body)], {
      type: file.type ?? "text/csv",
    }),
    file.name,
  );
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(server.url + "/staff/people/import", {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
  const html = await shown(response);
  const uploadId = /name="uploadId" value="(\d+)"/.exec(html)?.[1];
  return { status: response.status, html, uploadId };
}

async function commit(uploadId: string, choices: Record<string, string> = {}, cookie = manager) {
  const response = await fetch(server.url + "/staff/people/import", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "commit", uploadId, ...choices }),
  });
  return { status: response.status, html: await shown(response) };
}

const TABLES = ["person", "registration", "roster_upload", "audit_log", "email_outbox"] as const;
function rowCounts(): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((table) => [table, query<{ n: number }>(`select count(*) as n from ${table}`)[0].n]),
  );
}

const ROSTER =
  "Nombre completo;Correo;Teléfono;Sexo;Año de nacimiento;País;Región;Cooperativa;Consentimiento\n" +
  "Nilda Huarcaya Soto;nilda.huarcaya@example.org;;Mujer;1979;Perú;Cusco;Coop Valle Sagrado;sí\n" +
  "Pedro Ixcoy Batz;;5555 0101;Hombre;1990;Guatemala;Sololá;Coop Atitlán;sí\n" +
  "Marisol Encarnación;marisol.e@example.org;;Mujer;2001;República Dominicana;DO-35;;no\n";

describe("roster import", () => {
  it("previews one outcome per row, commits in one go, and the same roster again creates and registers nobody twice", async () => {
    const before = rowCounts();
    const first = await upload({ body: ROSTER, name: "lista.csv" }, { target: "ledger", consentForAll: "on" });
    expect(first.status).toBe(200);
    expect(first.html).toContain("Las 3 filas están bien");
    expect(first.html.match(/Persona nueva/g)).toHaveLength(3);
    expect(first.uploadId).toBeDefined();
    // The preview wrote nothing but the kept roster.
    expect(rowCounts()).toEqual({ ...before, roster_upload: before.roster_upload + 1 });

    const done = await commit(first.uploadId!);
    expect(done.status).toBe(200);
    expect(done.html).toContain("Listo: 3 personas nuevas, 0 ya estaban en el registro.");
    const people = query<Record<string, unknown>>(
      "select full_name, email, phone, sex, birth_year, country, region, cooperative, consent_method from person where full_name in ('Nilda Huarcaya Soto', 'Pedro Ixcoy Batz', 'Marisol Encarnación') order by full_name",
    );
    expect(people).toEqual([
      {
        full_name: "Marisol Encarnación",
        email: "marisol.e@example.org",
        phone: null,
        sex: "female",
        birth_year: 2001,
        country: "DO",
        region: "DO-35",
        cooperative: null,
        // The row's own "no" wins over the page's box: kept without consent, found by her e-mail.
        consent_method: null,
      },
      {
        full_name: "Nilda Huarcaya Soto",
        email: "nilda.huarcaya@example.org",
        phone: null,
        sex: "female",
        birth_year: 1979,
        country: "PE",
        region: "PE-CUS",
        cooperative: "Coop Valle Sagrado",
        consent_method: "staff",
      },
      {
        full_name: "Pedro Ixcoy Batz",
        email: null,
        phone: "+50255550101",
        sex: "male",
        birth_year: 1990,
        country: "GT",
        region: "GT-07",
        cooperative: "Coop Atitlán",
        consent_method: "staff",
      },
    ]);
    expect(query("select action from audit_log where action = 'roster.import'")).toHaveLength(1);
    expect(query("select id from roster_upload")).toEqual([]);

    // The same file again, to a workshop: everyone is the same person, registered once.
    const [workshop] = query<{ id: number }>(
      "select id from workshop where title = 'Costos de producción para su cooperativa'",
    );
    const again = await upload({ body: ROSTER, name: "lista.csv" }, { target: String(workshop.id) });
    expect(again.status).toBe(200);
    expect(again.html.match(/La misma persona que #\d+/g)).toHaveLength(3);
    const afterFirst = rowCounts();
    const registered = await commit(again.uploadId!);
    expect(registered.html).toContain("Listo: 0 personas nuevas, 3 ya estaban en el registro; 3 inscripciones nuevas");
    expect(rowCounts().person).toBe(afterFirst.person);
    const third = await upload({ body: ROSTER, name: "lista.csv" }, { target: String(workshop.id) });
    expect(third.html.match(/Ya inscrita en el taller: no cambia nada/g)).toHaveLength(3);
    const regsBefore = rowCounts().registration;
    const unchanged = await commit(third.uploadId!);
    expect(unchanged.html).toContain("3 ya estaban inscritas");
    expect(rowCounts().registration).toBe(regsBefore);
    expect(rowCounts().person).toBe(afterFirst.person);
  });

  it("asks who a similar name is (radios, no JavaScript), refuses to commit until answered, then uses the answer", async () => {
    const juanas = query<{ id: number }>("select id from person where full_name = 'Juana Flores' order by id");
    expect(juanas).toHaveLength(2);
    const roster = "Nombre,Teléfono,Consentimiento\nJuana Flores,,sí\nEusebio Challco Ramos,987 111 222,sí\n";
    const preview = await upload({ body: roster, name: "similar.csv" }, { target: "ledger" });
    expect(preview.status).toBe(200);
    expect(preview.html).toContain("¿Quién es Juana Flores?");
    expect(preview.html).toContain("Nombre parecido: elija");
    for (const { id } of juanas) expect(preview.html).toContain(`name="choice-2" value="${id}"`);
    // Contacts of candidates are shown masked only.
    expect(preview.html).not.toContain("911111111");

    const before = rowCounts();
    const unanswered = await commit(preview.uploadId!);
    expect(unanswered.status).toBe(400);
    expect(unanswered.html).toContain("Falta elegir quién es la persona");
    expect(rowCounts()).toEqual(before);

    // A forged answer (someone not offered for this name) is asked again, nothing written.
    const forged = await commit(preview.uploadId!, { "choice-2": "1" });
    expect(forged.status).toBe(400);
    expect(forged.html).toContain("Esa persona no se puede elegir aquí");
    expect(rowCounts()).toEqual(before);

    const answered = await commit(preview.uploadId!, { "choice-2": String(juanas[1].id) });
    expect(answered.status).toBe(200);
    expect(answered.html).toContain("Listo: 1 personas nuevas, 1 ya estaban en el registro.");
    expect(query("select id from person where full_name = 'Juana Flores'")).toHaveLength(2);
    expect(query("select full_name from person where phone = '+51987111222'")).toEqual([
      { full_name: "Eusebio Challco Ramos" },
    ]);
  });

  it("never takes a phone's owner for a row with another name: staff say whether it is them", async () => {
    const [owner] = query<{ id: number; full_name: string; phone: string }>(
      "select id, full_name, phone from person where phone like '+51%' and erased_at is null order by id limit 1",
    );
    const roster = `Nombre,Teléfono,País,Consentimiento\nTeodora Ninantay Puma,${owner.phone},Perú,sí\n`;
    const preview = await upload({ body: roster, name: "contact-of-other.csv" }, { target: "ledger" });
    expect(preview.status).toBe(200);
    expect(preview.html).not.toContain(`La misma persona que #${owner.id}`);
    expect(preview.html).toContain(`name="choice-2" value="${owner.id}"`);

    const before = rowCounts();
    expect((await commit(preview.uploadId!)).status).toBe(400);
    expect(rowCounts()).toEqual(before);

    const answered = await commit(preview.uploadId!, { "choice-2": "new" });
    expect(answered.status).toBe(200);
    const created = query<{ phone: string | null }>(
      "select phone from person where full_name = 'Teodora Ninantay Puma'",
    );
    // A new person, without the phone another person already has.
    expect(created).toEqual([{ phone: null }]);
    expect(query("select full_name from person where id = ?", owner.id)).toEqual([{ full_name: owner.full_name }]);
  });

  it("reads an XLSX roster and refuses one with a formula; refuses a PDF, 2,001 rows and bad rows with a message at the line; writes nothing", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Personas");
    sheet.addRow(["Full name", "Email", "Birth year", "Country", "Region"]);
    sheet.addRow(["Teodora Xiloj", "teodora.x@example.org", 1988, "GT", "Quiché"]);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const fromXlsx = await upload(
      { body: xlsx, name: "lista.xlsx", type: "application/octet-stream" },
      { target: "ledger" },
    );
    expect(fromXlsx.status).toBe(200);
    expect(fromXlsx.html).toContain("La fila está bien");
    expect(fromXlsx.html).toContain("Quiché");

    const before = rowCounts();
    sheet.addRow([{ formula: 'CONCAT("Ana ","Tuyuc")', result: "Ana Tuyuc" }, "ana.t@example.org", 1990, "GT", ""]);
    const withFormula = await upload(
      { body: new Uint8Array(await book.xlsx.writeBuffer()), name: "formulas.xlsx" },
      { target: "ledger" },
    );
    expect(withFormula.status).toBe(400);
    expect(withFormula.html).toContain("La fila 3 de la hoja tiene una fórmula");

    const pdf = await upload(
      { body: "%PDF-1.7\n1 0 obj << >> endobj\n", name: "lista.pdf", type: "application/pdf" },
      { target: "ledger" },
    );
    expect(pdf.status).toBe(415);
    expect(pdf.html).toContain("Este archivo es un PDF");

    const big =
      "Nombre,Correo\n" + Array.from({ length: 2001 }, (_, i) => `Persona ${i},p${i}@example.org`).join("\n") + "\n";
    const heavy = await upload(
      { body: "Nombre,Correo\n" + "x".repeat(600_000), name: "pesado.csv" },
      { target: "ledger" },
    );
    expect(heavy.status).toBe(413);
    expect(heavy.html).toContain("el máximo es");

    const tooMany = await upload({ body: big, name: "grande.csv" }, { target: "ledger" });
    expect(tooMany.status).toBe(400);
    expect(tooMany.html).toContain("El archivo tiene más de 2000 filas");

    const bad =
      "Nombre,Correo,Teléfono,Año de nacimiento,País,Región,Consentimiento\n" +
      "Bien Escrita,bien@example.org,,1980,PE,Cusco,sí\n" +
      ",sin.nombre@example.org,,,,,\n" +
      "Sin Contacto,,,,,,no\n" +
      "Del Futuro,futuro@example.org,,2999,,,\n" +
      "Muy Antigua,antigua@example.org,,1850,,,\n" +
      "Región Ajena,ajena@example.org,,,PE,Olancho,\n" +
      "País Raro,raro@example.org,,,ZZ,,\n";
    const rows = await upload({ body: bad, name: "errores.csv" }, { target: "ledger" });
    expect(rows.status).toBe(400);
    expect(rows.uploadId).toBeUndefined();
    expect(rows.html).toContain("Hay 6 filas con problemas");
    for (const message of [
      "Línea 3: falta el nombre.",
      "Línea 4: sin correo ni teléfono, hace falta el consentimiento",
      `Línea 5: el año de nacimiento debe estar entre 1900 y ${new Date().getUTCFullYear()}.`,
      "Línea 6: el año de nacimiento debe estar entre 1900",
      "Línea 7: «Olancho» no es una región de ese país.",
      "Línea 8: «ZZ» no es un país conocido.",
    ])
      expect(rows.html).toContain(message);
    expect(rowCounts()).toEqual(before);
  });

  it("lets a facilitator import into their own workshop only, never the ledger alone or someone else's workshop", async () => {
    const page = await fetch(server.url + "/staff/people/import", { headers: { Cookie: facilitator } });
    const html = await shown(page);
    expect(page.status).toBe(200);
    expect(html).not.toContain('value="ledger"');
    const [other] = query<{ id: number }>(
      "select id from workshop where id not in (select workshop_id from workshop_facilitator f join account a on a.id = f.account_id where a.email = 'facilitadora@minka.test') and status != 'cancelled' limit 1",
    );
    const before = rowCounts();
    const roster = "Nombre,Correo\nAlguien Nuevo,alguien.nuevo@example.org\n";
    expect((await upload({ body: roster, name: "a.csv" }, { target: "ledger" }, facilitator)).status).toBe(400);
    expect((await upload({ body: roster, name: "a.csv" }, { target: String(other.id) }, facilitator)).status).toBe(403);
    expect(rowCounts()).toEqual(before);
    // Nor confirm a roster someone else uploaded.
    const managers = await upload({ body: roster, name: "a.csv" }, { target: "ledger" });
    const stolen = await commit(managers.uploadId!, {}, facilitator);
    expect(stolen.status).toBe(400);
    expect(stolen.html).toContain("Esta lista ya no está disponible");
    expect(query("select id from person where email = 'alguien.nuevo@example.org'")).toEqual([]);
  });

  it("imports 2,000 rows in one go, and the same 2,000 again create nobody", async () => {
    const roster =
      "Nombre completo;Correo;Sexo;Año de nacimiento;País;Región;Cooperativa;Consentimiento\n" +
      Array.from(
        { length: 2000 },
        (_, i) => `Persona Lista ${i};lista${i}@example.org;Mujer;1980;PE;Cusco;Coop;sí`,
      ).join("\n") +
      "\n";
    const count = () =>
      query<{ n: number }>("select count(*) as n from person where email like 'lista%@example.org'")[0].n;
    const first = await upload({ body: roster, name: "dos-mil.csv" }, { target: "ledger" });
    expect(first.status).toBe(200);
    expect(first.html).toContain("Las 2000 filas están bien");
    expect((await commit(first.uploadId!)).html).toContain("Listo: 2000 personas nuevas, 0 ya estaban en el registro.");
    expect(count()).toBe(2000);
    const again = await upload({ body: roster, name: "dos-mil.csv" }, { target: "ledger" });
    expect((await commit(again.uploadId!)).html).toContain("Listo: 0 personas nuevas, 2000 ya estaban en el registro.");
    expect(count()).toBe(2000);
  }, 120_000);

  it("offers the template with Spanish headers as CSV and XLSX", async () => {
    const csv = await fetch(server.url + "/staff/people/import/template.csv", { headers: { Cookie: manager } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    // fetch's text() drops the byte-order mark Excel needs; the header line is what matters here.
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "Nombre completo,Correo,Teléfono,Sexo,Año de nacimiento,País,Región,Cooperativa,Consentimiento",
    );
    const xlsx = await fetch(server.url + "/staff/people/import/template.csv?format=xlsx", {
      headers: { Cookie: manager },
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets[0].getRow(1).getCell(1).value).toBe("Nombre completo");
    // The template as downloaded is a valid roster of one new person.
    const filled = await upload(
      { body: new Uint8Array(await book.xlsx.writeBuffer()), name: "plantilla.xlsx" },
      { target: "ledger", consentForAll: "on" },
    );
    expect(filled.status).toBe(200);
    expect(filled.html).toContain("La fila está bien");
    expect(filled.html).toContain("Persona nueva");
  });
});

describe("roster import in a browser without JavaScript", () => {
  it("uploads a roster, chooses who a similar name is with a radio, confirms; every step passes axe", async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    browsers.push(browser);
    const { page } = browser;
    page.setDefaultTimeout(20_000);
    await logInThroughForm(page, server.url + "/login", "gestora@minka.test", server.url + "/");
    await page.goto(server.url + "/staff/people/import");
    expect(await accessibilityViolations(page)).toEqual([]);
    const file = path.join(os.tmpdir(), `roster-${Date.now()}.csv`);
    fs.writeFileSync(
      file,
      "Nombre;Teléfono;País;Consentimiento\nJuana Flores;;Perú;sí\nWalter Ccama Apaza;987 222 333;Perú;sí\n",
    );
    await page.getByLabel("Archivo CSV o XLSX").setInputFiles(file);
    await page.getByLabel("Qué hacer con estas personas").selectOption("ledger");
    await page.getByRole("button", { name: "Revisar el archivo" }).click();
    await page.getByRole("heading", { name: "Revisión del archivo" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page
      .getByRole("group", { name: "¿Quién es Juana Flores?" })
      .getByLabel("Es otra persona: registrarla como nueva")
      .check();
    await page.getByRole("button", { name: "Confirmar e importar" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Listo: 2 personas nuevas, 0 ya estaban en el registro.");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(query("select full_name from person where phone = '+51987222333'")).toEqual([
      { full_name: "Walter Ccama Apaza" },
    ]);
    expect(browser.problems).toEqual([]);
  }, 120_000);
});
