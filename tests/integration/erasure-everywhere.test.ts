import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makeCourse } from "../../db/factories/learning";
import { makeMark, uploadReport } from "../../db/factories/attendance";
import { makeWorkshop } from "../../db/factories/workshops";
import type { ReachFilters } from "../../app/domain/reach-filters";
import { completeLesson } from "../../app/models/completion.server";
import { receiveEnrolmentList } from "../../app/models/enrolment-import.server";
import { deliverDueEmails } from "../../app/models/email-outbox.server";
import { issueStaffCode, startEmailReset } from "../../app/models/password-reset.server";
import { mergePersons } from "../../app/models/person-ledger.server";
import { erasePerson, withdrawConsent } from "../../app/models/privacy.server";
import { computeReachReport } from "../../app/models/reach.server";
import { registerForWorkshop } from "../../app/models/registration.server";
import { registerWalkIn } from "../../app/models/walk-in.server";
import { getDb } from "../../app/utils/db.server";
import { smtpSender } from "../../app/mail/mailer.server";
import { createSession } from "../../app/models/session.server";
import { startMailCatcher, type MailCatcher } from "../support/smtp";

/**
 * Erasure must leave nothing that identifies the person in any text column of any
 * table: the check reads the schema itself, so a table added later is covered too.
 */
const NAME = "Zenobia Quillahuaman Xochicuetzal";
const EMAIL = "zenobia.qxochi@example.org";
// The same human, typed at the door with another spelling, another e-mail and a phone.
const OTHER_NAME = "Zenobia Quillahuamani";
const OTHER_EMAIL = "zeno.quilla@example.net";
const PHONE = "+51912345678";

const FORBIDDEN = [
  NAME,
  OTHER_NAME,
  // First names go into e-mail greetings, surnames into name keys.
  "Zenobia",
  "Quillahuaman",
  "Xochicuetzal",
  EMAIL,
  OTHER_EMAIL,
  "zenobia.qxochi",
  "zeno.quilla",
  PHONE,
  "51912345678",
  "912345678",
  "912 345 678",
];

let smtp: MailCatcher;
beforeAll(async () => {
  smtp = await startMailCatcher();
});
afterAll(() => smtp.stop());

/** Every (table, column, row) whose text contains one of the needles, case-insensitively. */
function findTraces(file: string, needles: string[]) {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all() as Array<{ name: string }>;
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "person",
        "email_outbox",
        "audit_log",
        "attendance_upload",
        "enrolment_upload",
        "certificate",
      ]),
    );
    const traces: string[] = [];
    for (const { name: table } of tables) {
      const columns = sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as Array<{ name: string }>;
      for (const { name: column } of columns) {
        for (const needle of needles) {
          const rows = sqlite
            .prepare(
              `select cast("${column}" as text) as value from "${table}" where instr(lower(cast("${column}" as text)), lower(?)) > 0`,
            )
            .all(needle) as Array<{ value: string }>;
          for (const row of rows) traces.push(`${table}.${column} has "${needle}": ${row.value.slice(0, 200)}`);
        }
      }
    }
    return traces;
  } finally {
    sqlite.close();
  }
}

const filters = (countEnrolments: boolean): ReachFilters => ({
  period: { kind: "all" },
  country: null,
  workshopId: null,
  facilitatorId: null,
  courseId: null,
  countEnrolments,
});

describe("erasure erases everywhere", () => {
  it("leaves no trace of the name, e-mails or phone in any table, and every reach figure unchanged", async () => {
    const db = await getDb();
    const admin = await makeAccount({ role: "admin" });
    const manager = await makeAccount({ role: "manager" });
    const facilitator = await makeAccount({ role: "facilitator", fullName: "Facilitadora de Prueba" });
    const viewer = { accountId: admin.accountId, seesAll: true };

    // A member with a login who signed up, registered and was marked present.
    const member = await makeAccount({ fullName: NAME, email: EMAIL });
    const workshop = await makeWorkshop({
      title: "Costos",
      facilitatorIds: [facilitator.accountId],
      sessions: [{ inDays: -2 }, { inDays: 5 }],
    });
    const registered = await registerForWorkshop(db, {
      workshopId: workshop.id,
      personId: member.personId,
      method: "self",
    });
    expect(registered).toMatchObject({ ok: true, mailQueued: true });
    await makeMark({
      workshopId: workshop.id,
      sessionId: workshop.sessions[0].id,
      personId: member.personId,
      actorAccountId: facilitator.accountId,
    });
    // That confirmation goes out: a sent mail with their name and address stays in the outbox.
    expect(await deliverDueEmails(db, smtpSender(smtp.url))).toMatchObject({ sent: 1 });

    // At another workshop a facilitator registered them again as a new person, with a phone.
    const other = await makeWorkshop({
      title: "Ventas",
      facilitatorIds: [facilitator.accountId],
      sessions: [{ inDays: 9 }],
    });
    const walkIn = await registerWalkIn(db, {
      workshopId: other.id,
      person: { fullName: OTHER_NAME, email: OTHER_EMAIL, phone: PHONE, verbalConsent: true, choice: "new" },
      method: "walk_in",
      actorAccountId: facilitator.accountId,
    });
    if (walkIn.kind !== "done") throw new Error(`walk-in refused: ${walkIn.kind}`);
    // A manager merged the two records: the audit entry keeps the other name and e-mail.
    expect(
      await mergePersons(db, { keepId: member.personId, dropId: walkIn.personId, actorAccountId: manager.accountId }),
    ).toMatchObject({ ok: true });

    // A course completed, with a certificate in their name.
    const course = await makeCourse(db, { lessons: [{}] });
    const completed = await completeLesson(db, {
      personId: member.personId,
      accountId: member.accountId,
      lessonId: course.lessons[0].id,
      claim: { method: "manual" },
    });
    expect(completed).toMatchObject({ ok: true, courseCompleted: true });

    // A reset link (queued mail) and a reset code, and open sessions.
    expect(await startEmailReset(await getDb(), EMAIL)).toBeTruthy();
    expect(
      await issueStaffCode(
        await getDb(),
        { kind: "email", value: EMAIL },
        { accountId: admin.accountId, role: "admin", fullName: "Admin de Prueba" },
      ),
    ).toMatchObject({ ok: true });
    await createSession(await getDb(), member.accountId);

    // A Zoom report naming them waits for the facilitator's review.
    const report = [
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
      `${NAME},${EMAIL},01/01/2026 10:00:00 AM,01/01/2026 11:00:00 AM,60,No`,
      `${OTHER_NAME} (${PHONE}),,01/01/2026 10:00:00 AM,01/01/2026 11:00:00 AM,60,Yes`,
      "Juana Flores,,01/01/2026 10:00:00 AM,01/01/2026 11:00:00 AM,60,Yes",
    ].join("\n");
    const pending = await uploadReport({
      workshopId: workshop.id,
      session: workshop.sessions[1],
      bytes: new TextEncoder().encode(report),
      actorAccountId: facilitator.accountId,
    });
    expect(pending.received.kind).toBe("review");

    // An enrolment list naming them (the phone as typed) waits for confirmation; another list does not name them.
    await makeCourse(db, { slug: "lista-por-confirmar" });
    const list = (text: string) =>
      receiveEnrolmentList(db, {
        bytes: new TextEncoder().encode(text),
        fileName: "lista.csv",
        uploadedBy: facilitator.accountId,
      });
    const naming = await list(
      `nombre,correo,celular,curso\n${NAME},,912 345 678,lista-por-confirmar\nJuana Flores,juana@example.org,,lista-por-confirmar\n`,
    );
    const unrelated = await list("nombre,correo,celular,curso\nJuana Flores,juana@example.org,,lista-por-confirmar\n");
    expect([naming.uploadId, unrelated.uploadId]).toEqual([expect.any(Number), expect.any(Number)]);

    await withdrawConsent(await getDb(), member.personId, member.accountId);

    // Every needle is somewhere before erasure (so the search itself can find them).
    const file = process.env.DATABASE_URL!;
    const before = findTraces(file, FORBIDDEN);
    for (const needle of [NAME, OTHER_NAME, EMAIL, OTHER_EMAIL, PHONE])
      expect(
        before.some((t) => t.includes(`"${needle}"`)),
        needle,
      ).toBe(true);
    const reachBefore = await Promise.all([false, true].map((c) => computeReachReport(db, filters(c), viewer)));
    expect(reachBefore[0].headline.uniqueIndividuals).toBeGreaterThan(0);

    expect(await erasePerson(await getDb(), member.personId, admin.accountId)).toBe(true);

    expect(findTraces(file, FORBIDDEN)).toEqual([]);
    const reachAfter = await Promise.all([false, true].map((c) => computeReachReport(db, filters(c), viewer)));
    expect(reachAfter).toEqual(reachBefore);
    // The others in the report awaiting review are still there; the sent mail stays as a bare delivery record.
    const upload = await db.selectFrom("attendance_upload").select("payload").executeTakeFirstOrThrow();
    expect(
      (JSON.parse(upload.payload) as { participants: Array<{ name: string }> }).participants.map((p) => p.name),
    ).toEqual(["Juana Flores"]);
    expect(await db.selectFrom("enrolment_upload").select("id").execute()).toEqual([{ id: unrelated.uploadId }]);
    const mail = await db
      .selectFrom("email_outbox")
      .select(["status", "to_address", "kind"])
      .where("person_id", "=", member.personId)
      .execute();
    expect(mail).toEqual([{ status: "sent", to_address: "", kind: "confirmation" }]);
    // The events stay, with who and when.
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_account_id", "created_at"])
      .where("action", "in", ["person.merged", "person.erased"])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["person.erased", "person.merged"]);
    expect(audit.find((a) => a.action === "person.merged")?.actor_account_id).toBe(manager.accountId);
  });
});
