import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, integrityCheck, pidFileFor, restoreDatabase } from "../../db/backup";
import { TEST_TMP } from "../support/paths";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

const COURSE = "que-es-una-cooperativa";
const ROWS = 2000;
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

function bigImport(tag: string): string {
  const lines = ["nombre,correo,curso"];
  for (let i = 0; i < ROWS; i++) lines.push(`Persona ${tag} ${i},p-${tag}-${i}@import.test,${COURSE}`);
  return lines.join("\n");
}

/** Previews a list (the server keeps it) and answers the id its confirm form carries. */
async function previewImport(server: TestServer, cookie: string, csv: string): Promise<string> {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("file", new Blob([csv], { type: "text/csv" }), "lista.csv");
  const response = await fetch(server.url + "/staff/enrolments/import", {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie },
    body: form,
  });
  const page = await response.text();
  expect(response.status).toBe(200);
  const uploadId = /name="uploadId" value="(\d+)"/.exec(page)?.[1];
  expect(uploadId).toBeDefined();
  return uploadId!;
}

/** The commit step: writes the kept list in one transaction. */
function commitImport(server: TestServer, cookie: string, uploadId: string) {
  return fetch(server.url + "/staff/enrolments/import", {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie },
    body: new URLSearchParams({ intent: "commit", consent: "on", uploadId }),
  });
}

async function postImport(server: TestServer, cookie: string, csv: string) {
  return commitImport(server, cookie, await previewImport(server, cookie, csv));
}

function countImported(databaseFile: string, tag: string): number {
  const db = new SQLite(databaseFile, { readonly: true });
  try {
    const row = db
      .prepare("select count(*) as n from enrolment e join person p on p.id = e.person_id where p.email like ?")
      .get(`p-${tag}-%`) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

describe("durability", () => {
  it("survives SIGKILL in the middle of a large import: integrity ok, the import all there or absent", async () => {
    let server = await startTestServer();
    servers.push(server);
    const databaseFile = server.databaseFile;

    // A control run measures how long the commit step takes here.
    const controlCookie = await logIn(server, "facilitadora@minka.test");
    const controlUpload = await previewImport(server, controlCookie, bigImport("control"));
    const started = Date.now();
    const control = await commitImport(server, controlCookie, controlUpload);
    expect(control.status).toBe(200);
    const duration = Date.now() - started;
    expect(countImported(databaseFile, "control")).toBe(ROWS);

    for (const [trial, share] of [0.35, 0.7].entries()) {
      const tag = `crash${trial}`;
      const cookie = await logIn(server, "facilitadora@minka.test");
      const uploadId = await previewImport(server, cookie, bigImport(tag));
      const pending = commitImport(server, cookie, uploadId).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, Math.max(20, duration * share)));
      await server.kill();
      await pending;
      servers.pop();

      expect(integrityCheck(databaseFile)).toBe("ok");
      server = await startTestServer({ reuseDatabase: databaseFile });
      servers.push(server);
      expect([0, ROWS]).toContain(countImported(databaseFile, tag));
      expect(countImported(databaseFile, "control")).toBe(ROWS);
      // The restarted server works.
      expect((await fetch(server.url + "/courses")).status).toBe(200);
    }
  }, 240_000);

  it("backs up online with a verified copy, and refuses to restore under a running server", async () => {
    const server = await startTestServer();
    servers.push(server);
    expect(fs.existsSync(pidFileFor(server.databaseFile))).toBe(true);
    const directory = path.join(TEST_TMP, `backups-${Date.now()}`);
    const backup = await backupDatabase(server.databaseFile, directory);
    expect(path.basename(backup)).toMatch(/^minka-\d{8}T\d{6}Z\.db$/);
    expect(integrityCheck(backup)).toBe("ok");
    expect(() => restoreDatabase(backup, server.databaseFile)).toThrow(/running/);

    // Change the live database, stop the server, restore: the change is gone.
    await postImport(
      server,
      await logIn(server, "facilitadora@minka.test"),
      "nombre,correo,curso\nTras Respaldo,tras@import.test," + COURSE,
    );
    const copy = path.join(TEST_TMP, `restore-target-${Date.now()}.db`);
    fs.copyFileSync(server.databaseFile, copy);
    restoreDatabase(backup, copy);
    const db = new SQLite(copy, { readonly: true });
    const after = db.prepare("select count(*) as n from person where email = 'tras@import.test'").get() as {
      n: number;
    };
    db.close();
    expect(after.n).toBe(0);
    fs.rmSync(directory, { recursive: true, force: true });
    fs.rmSync(copy, { force: true });
  });
});
