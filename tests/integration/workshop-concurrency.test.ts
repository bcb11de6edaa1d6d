import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { makeWorkshop } from "../../db/factories/workshops";
import { createPerson } from "../../app/models/person.server";
import { cancelRegistration, listRegistrations } from "../../app/models/registration.server";
import { byArrival } from "../../app/domain/waitlist";
import { getDb } from "../../app/utils/db.server";
import { ROOT } from "../support/paths";

const PROCESSES = 4;
const PEOPLE = 200;
const SEATS = 50;

type Result = {
  personId: number;
  outcome?: { ok: boolean; status?: string; position?: number | null };
  error?: string;
};

function startWorker(workshopId: number, personIds: number[]) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "tests/support/register-worker.ts",
      process.env.DATABASE_URL!,
      String(workshopId),
      JSON.stringify(personIds),
    ],
    {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.startsWith("ready\n")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited early (${code}): ${stderr}`)));
  });
  const done = new Promise<Result[]>((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0 || stderr.trim()) return reject(new Error(`worker failed (${code}): ${stderr}`));
      resolve(JSON.parse(stdout.split("\n")[1]) as Result[]);
    });
  });
  return { ready, done, go: () => child.stdin.end("go\n") };
}

describe("capacity under concurrency (separate processes, one SQLite file)", () => {
  it("seats exactly 50 of 200 simultaneous registrations, waitlists 150 in arrival order, then promotes exactly the next 10", async () => {
    const db = await getDb();
    const { id } = await makeWorkshop({ capacity: SEATS });
    const people = await db.transaction().execute(async (tx) => {
      const ids: number[] = [];
      for (let i = 0; i < PEOPLE; i++) {
        ids.push(
          await createPerson(tx, {
            fullName: `Persona Concurrente ${i}`,
            email: `p${i}@concurrencia.test`,
            consent: { method: "self" },
          }),
        );
      }
      return ids;
    });

    const workers = Array.from({ length: PROCESSES }, (_, w) =>
      startWorker(
        id,
        people.filter((_, i) => i % PROCESSES === w),
      ),
    );
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const results = (await Promise.all(workers.map((w) => w.done))).flat();

    // Every call answered, none failed, nothing lost.
    expect(results.filter((r) => r.error)).toEqual([]);
    expect(results).toHaveLength(PEOPLE);
    expect(results.every((r) => r.outcome?.ok)).toBe(true);

    const rows = await listRegistrations(db, id);
    expect(rows).toHaveLength(PEOPLE);
    expect(rows.filter((r) => r.status === "registered")).toHaveLength(SEATS);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(PEOPLE - SEATS);
    // Arrival order: the first 50 to commit hold the seats, the rest wait in the order they came.
    const ordered = [...rows].sort(byArrival);
    expect(ordered.slice(0, SEATS).every((r) => r.status === "registered")).toBe(true);
    expect(ordered.slice(SEATS).map((r) => r.position)).toEqual(
      Array.from({ length: PEOPLE - SEATS }, (_, i) => i + 1),
    );
    // What each caller was told matches what was committed.
    const byPerson = new Map(rows.map((r) => [r.personId, r]));
    for (const r of results) {
      expect(r.outcome?.status).toBe(byPerson.get(r.personId)?.status);
      expect(r.outcome?.position ?? null).toBe(byPerson.get(r.personId)?.position);
    }
    // One confirmation per seat, queued in the same transactions.
    const confirmations = await db
      .selectFrom("email_outbox")
      .select("id")
      .where("workshop_id", "=", id)
      .where("kind", "=", "confirmation")
      .execute();
    expect(confirmations).toHaveLength(SEATS);

    const nextTen = ordered.slice(SEATS, SEATS + 10).map((r) => r.personId);
    const leaving = ordered.slice(0, 10).map((r) => r.personId);
    const cancelled = await Promise.all(
      leaving.map((personId) => cancelRegistration(db, { workshopId: id, personId })),
    );
    expect(cancelled.flatMap((c) => (c.ok ? c.promotedPersonIds : [])).sort()).toEqual([...nextTen].sort());

    const after = await listRegistrations(db, id);
    expect(after.filter((r) => r.status === "registered")).toHaveLength(SEATS);
    expect(after.filter((r) => r.status === "registered").map((r) => r.personId)).toEqual(
      expect.arrayContaining(nextTen),
    );
    expect(after.filter((r) => r.status === "waitlisted")).toHaveLength(PEOPLE - SEATS - 10);
    expect(after.filter((r) => r.status === "waitlisted")[0].personId).toBe(ordered[SEATS + 10].personId);
    const promotions = await db
      .selectFrom("email_outbox")
      .select("person_id")
      .where("workshop_id", "=", id)
      .where("kind", "=", "promotion")
      .execute();
    expect(promotions.map((p) => p.person_id).sort()).toEqual([...nextTen].sort());
  }, 120_000);
});
