import { expect, it } from "vitest";
import type { MailCatcher } from "./smtp";
import type { TestServer } from "./server";
import { DEMO_PASSWORD, makeAccount } from "../../db/factories";
import { makeWorkshop } from "../../db/factories/workshops";
import { createPerson } from "../../app/models/person.server";
import { createSession } from "../../app/models/session.server";
import { getDb, toNumber } from "../../app/utils/db.server";
import { hashPassword } from "../../app/utils/password.server";

export const CROWD = 200;
export const SEATS = 50;

export interface Crowd {
  workshopId: number;
  /** One logged-in member per entry: their session cookie and e-mail. */
  members: { cookie: string; email: string }[];
  /** An account whose failed logins are counted. */
  loginEmail: string;
}

/**
 * In the database DATABASE_URL opens: a workshop of SEATS seats and CROWD members with a
 * session each (one password hash for all: argon2 × 200 would cost seconds, and proves nothing here).
 */
export async function prepareCrowd(): Promise<Crowd> {
  const db = await getDb();
  const { id: workshopId } = await makeWorkshop({ capacity: SEATS, title: "Taller concurrido" });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  const members: Crowd["members"] = [];
  for (let i = 0; i < CROWD; i++) {
    const email = `multitud-${i}@minka.test`;
    const personId = await createPerson(db, {
      fullName: `Socia Multitud ${i}`,
      email,
      locale: "es",
      consent: { method: "self" },
    });
    const account = await db
      .insertInto("account")
      .values({ person_id: personId, email, password_hash: passwordHash, role: "member", updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { token } = await createSession(db, account.id);
    members.push({ cookie: `minka_session=${token}`, email });
  }
  const { email: loginEmail } = await makeAccount();
  return { workshopId, members, loginEmail: loginEmail! };
}

function post(url: string, fields: Record<string, string>, cookie?: string) {
  return fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    redirect: "manual",
  });
}

/**
 * The scale-out promises (README "Scale out"), checked over HTTP against two server processes
 * on one database: capacity holds, limits are shared, each e-mail goes out once.
 */
export function scaleOutCases(setup: () => { servers: TestServer[]; crowd: Crowd; mail: MailCatcher }) {
  it(`registers ${CROWD} people at once for ${SEATS} seats through two processes: ${SEATS} seats, the rest waiting, no error`, async () => {
    const { servers, crowd } = setup();
    const statuses = await Promise.all(
      crowd.members.map(async (member, i) => {
        const response = await post(
          `${servers[i % servers.length].url}/workshops/${crowd.workshopId}`,
          { intent: "register" },
          member.cookie,
        );
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status >= 400)).toEqual([]);
    const rows = await (
      await getDb()
    )
      .selectFrom("registration")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("workshop_id", "=", crowd.workshopId)
      .groupBy("status")
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.status, toNumber(r.n)]))).toEqual({
      registered: SEATS,
      waitlisted: CROWD - SEATS,
    });
  }, 120_000);

  it("shares the per-account login limit: the 11th failure gets 429 whichever process answers", async () => {
    const { servers, crowd } = setup();
    const fail = async (server: TestServer) => {
      const response = await post(`${server.url}/login`, { identifier: crowd.loginEmail, password: "no-es-la-clave" });
      await response.arrayBuffer();
      return response.status;
    };
    const first = [];
    for (let i = 0; i < 10; i++) first.push(await fail(servers[i % servers.length]));
    expect(first).toEqual(Array(10).fill(401));
    for (const server of servers) expect(await fail(server)).toBe(429);
  });

  it("sends each queued e-mail once, though both processes run the sender", async () => {
    const { crowd, mail } = setup();
    const db = await getDb();
    const pending = () =>
      db
        .selectFrom("email_outbox")
        .select("id")
        .where("workshop_id", "=", crowd.workshopId)
        .where("status", "!=", "sent")
        .execute();
    await expect.poll(async () => (await pending()).length, { timeout: 30_000 }).toBe(0);
    const confirmed = await db
      .selectFrom("registration")
      .innerJoin("person", "person.id", "registration.person_id")
      .select("person.email")
      .where("registration.workshop_id", "=", crowd.workshopId)
      .where("registration.status", "=", "registered")
      .execute();
    const received = mail.messages
      .map((m) => (Array.isArray(m.to) ? m.to : [m.to]).map((to) => to?.value[0]?.address))
      .flat();
    expect(received.sort()).toEqual(confirmed.map((r) => r.email).sort());
  });
}
