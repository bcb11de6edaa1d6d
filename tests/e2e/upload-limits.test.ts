import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/**
 * Uploads that once froze the whole server (every other request waited for seconds, or the
 * upload answered 500): each is answered with a clear message, nothing is written, and other
 * requests keep being answered while it is read.
 */
let server: TestServer;
let cookie = "";
let importPath = "";

const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);

beforeAll(async () => {
  server = await startTestServer();
  const [workshop] = query<{ id: number }>(
    "select id from workshop where title = 'Costos de producción para su cooperativa'",
  );
  const [session] = query<{ id: number }>(
    "select id from workshop_session where workshop_id = ? order by starts_at limit 1",
    workshop.id,
  );
  importPath = `/staff/workshops/${workshop.id}/sessions/${session.id}/import`;
  cookie = await logIn(server, "facilitadora@minka.test");
});
afterAll(async () => {
  await server.stop();
});

const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i));

/**
 * Posts a file while asking for /status over and over, one request after the other; counts the
 * /status answers that arrived while the upload was in flight.
 */
async function uploadWhilePolling(path: string, text: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("file", new Blob([text], { type: "text/csv" }), "informe.csv");
  let inFlight = true;
  let answeredDuringUpload = 0;
  const polling = (async () => {
    while (inFlight) {
      // A poll sent as the upload ends may go out on the upload's connection, which the server closes
      // after refusing a body it did not read: that reset says nothing about the server freezing.
      const status = await fetch(server.url + "/status", { signal: AbortSignal.timeout(120_000) }).catch((error) => {
        if (inFlight) throw error;
        return null;
      });
      if (!status) break;
      await status.arrayBuffer();
      if (inFlight && status.ok) answeredDuringUpload++;
    }
  })();
  try {
    const response = await fetch(server.url + path, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie },
      body: form,
      signal: AbortSignal.timeout(120_000),
    });
    const body = await response.text();
    return { status: response.status, location: response.headers.get("Location"), body, answeredDuringUpload };
  } finally {
    inFlight = false;
    await polling;
  }
}

/** The message a page shows about the file: a form-level alert, or the error under the file field. */
const alertText = (html: string) => /(?:role="alert"|class="field-error")[^>]*>([^<]*)</.exec(html)?.[1] ?? "";

describe("uploads never freeze the server", () => {
  it("a 4.8 MB attendance report of one-column lines is refused as more than 20,000 rows; nothing is written; /status is answered meanwhile", async () => {
    // Short lines ending in CRLF: Remix's multipart parser split the file at each of them (500, stack overflow).
    const text = ["nombre", ...lines(310_000, (i) => `Persona ${i}`)].join("\r\n");
    expect(text.length).toBeGreaterThan(4_800_000);
    expect(text.length).toBeLessThan(5_000_000);
    const result = await uploadWhilePolling(importPath, text);
    expect(result.status).toBe(400);
    expect(alertText(result.body)).toBe("El archivo tiene más de 20.000 filas; no parece un informe de una sesión.");
    expect(query("select id from attendance_upload")).toEqual([]);
    expect(result.answeredDuringUpload).toBeGreaterThanOrEqual(1);
  });

  it("a report of exactly 20,000 rows (4.8 MB) is read whole and kept for review; /status is answered meanwhile", async () => {
    const padding = "x".repeat(150);
    const text = [
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
      ...lines(
        20_000,
        (i) => `Persona ${i} ${padding},p${i}@coop.pe,11/19/2026 10:00:00 AM,11/19/2026 11:00:00 AM,60,No`,
      ),
    ].join("\r\n");
    const result = await uploadWhilePolling(importPath, text);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/\?upload=\d+$/);
    // Parsed in one go, this upload held the event loop for seconds: no /status was answered until it was done.
    expect(result.answeredDuringUpload).toBeGreaterThanOrEqual(2);
  });

  it("an enrolment CSV of one-column lines is refused as more than 2,000 rows; nobody is enrolled", async () => {
    const before = query<{ n: number }>("select count(*) as n from enrolment")[0].n;
    const text = ["nombre,correo,curso", ...lines(60_000, (i) => `p${i}`)].join("\r\n");
    expect(text.length).toBeLessThan(500_000);
    const result = await uploadWhilePolling("/staff/enrolments/import", text, { intent: "preview" });
    expect(result.status).toBe(400);
    expect(alertText(result.body)).toBe(
      "El archivo tiene más de 2000 filas. Divídalo en partes de 2000 filas como máximo. No se inscribió a nadie.",
    );
    expect(query<{ n: number }>("select count(*) as n from enrolment")[0].n).toBe(before);
  });

  it("a 2 MB enrolment CSV is refused for its size before it is read (read whole, it held the server for minutes)", async () => {
    const text = ["nombre,correo,curso", ...lines(250_000, (i) => `p${i}`)].join("\r\n");
    const result = await uploadWhilePolling("/staff/enrolments/import", text, { intent: "preview" });
    expect(result.status).toBe(413);
    expect(alertText(result.body)).toMatch(
      /^El archivo pesa 2(,\d)? MB; el máximo es 500 kB\. Divídalo en partes\. No se inscribió a nadie\.$/,
    );
  });
});
