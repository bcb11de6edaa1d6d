import { describe, expect, it } from "vitest";
import { makePerson, makeWorkshop } from "../../db/factories/workshops";
import { cancelRegistration, registerForWorkshop } from "../../app/models/registration.server";
import { createDatabase, getDb, withStartupLock, writeTransaction, type DB } from "../../app/utils/db.server";

describe("writes under contention on PostgreSQL", () => {
  it("registers 40 people at once for 10 seats: no error, exactly 10 seats and 30 waiting", async () => {
    const db = await getDb();
    const workshop = await makeWorkshop({ capacity: 10 });
    const people: number[] = [];
    for (let i = 0; i < 40; i++) people.push(await makePerson({ fullName: `Persona Concurrente ${i}` }));
    const outcomes = await Promise.all(
      people.map((personId) => registerForWorkshop(db, { workshopId: workshop.id, personId, method: "self" })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const statuses = outcomes.map((o) => (o.ok ? o.status : "refused"));
    expect(statuses.filter((s) => s === "registered")).toHaveLength(10);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(30);
    // Concurrent cancellations and registrations on the same workshop: promotions never overbook.
    const registered = people.filter((_, i) => statuses[i] === "registered").slice(0, 5);
    const latecomers: number[] = [];
    for (let i = 0; i < 10; i++) latecomers.push(await makePerson({ fullName: `Persona Tardía ${i}` }));
    await Promise.all([
      ...registered.map((personId) => cancelRegistration(db, { workshopId: workshop.id, personId })),
      ...latecomers.map((personId) => registerForWorkshop(db, { workshopId: workshop.id, personId, method: "self" })),
    ]);
    const counts = await db
      .selectFrom("registration")
      .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
      .where("workshop_id", "=", workshop.id)
      .groupBy("status")
      .execute();
    expect(Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]))).toEqual({
      registered: 10,
      waitlisted: 35,
      cancelled: 5,
    });
  });
});

describe("writeTransaction on PostgreSQL", () => {
  it("re-runs a transaction that lost a serialization conflict, so read-then-write stays exact", async () => {
    const db = await getDb();
    // Each transaction numbers its row by counting the rows before it: 25 at once, no key to
    // serialize on, so they collide (SQLSTATE 40001) and only retrying gets 0…24 with no gap or repeat.
    const numbers = await Promise.all(
      Array.from({ length: 25 }, () =>
        writeTransaction(db, async (tx) => {
          const row = await tx
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .where("action", "=", "test.counter")
            .executeTakeFirstOrThrow();
          const n = Number(row.n);
          await tx
            .insertInto("audit_log")
            .values({
              action: "test.counter",
              subject_type: "counter",
              subject_id: n,
              actor_account_id: null,
              created_at: new Date().toISOString(),
            })
            .execute();
          return n;
        }),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });
});

describe("the start-up lock on PostgreSQL", () => {
  it("lets one process at a time migrate and publish; the others wait their turn", async () => {
    // Two processes are two pools: a second Kysely instance on the same database.
    const other = await createDatabase(process.env.DATABASE_URL!);
    const events: string[] = [];
    const startUp = (db: DB, name: string) =>
      withStartupLock(db, async () => {
        events.push(`${name} in`);
        await db.selectFrom("course").select("id").execute();
        await new Promise((resolve) => setTimeout(resolve, 300));
        events.push(`${name} out`);
      });
    try {
      await Promise.all([startUp(await getDb(), "a"), startUp(other, "b")]);
    } finally {
      await other.destroy();
    }
    // Never "a in, b in": whoever came first went out before the other came in.
    const first = events[0].split(" ")[0];
    const second = first === "a" ? "b" : "a";
    expect(events).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
  });
});
