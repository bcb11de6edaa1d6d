import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Role } from "../../db/schema";
import { checkInOpensAt, checkInWindow } from "../domain/checkin-window";
import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { registerInTransaction, seatsOf } from "./registration.server";

/**
 * QR check-in at in-person sessions (docs/decisions/032). A poster carries
 * `APP_URL/checkin/<token>`: 160 random bits, stored only as SHA-256 and tied to one session, so
 * neither a poster nor the database lets anyone mark attendance at another session.
 */
const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** A token looks like what `issueCheckInToken` makes (base32, 32 characters); anything else is unknown at once. */
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

/** A new poster token for a session. Earlier posters stay valid: each print adds a token. */
export async function issueCheckInToken(db: DB, sessionId: number, actorAccountId: number): Promise<string> {
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
  await db
    .insertInto("checkin_token")
    .values({
      session_id: sessionId,
      token_hash: hashToken(token),
      created_by: actorAccountId,
      created_at: new Date().toISOString(),
    })
    .execute();
  return token;
}

export interface CheckInPlace {
  session: { id: number; startsAt: string; endsAt: string };
  workshop: { id: number; title: string; place: string | null; timezone: string; status: string };
}

/** The session (and its workshop) a poster's token belongs to; undefined for any other string. */
export async function findCheckInPlace(db: DB, token: string): Promise<CheckInPlace | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await db
    .selectFrom("checkin_token as t")
    .innerJoin("workshop_session as s", "s.id", "t.session_id")
    .innerJoin("workshop as w", "w.id", "s.workshop_id")
    .select([
      "s.id as sessionId",
      "s.starts_at",
      "s.ends_at",
      "w.id as workshopId",
      "w.title",
      "w.place",
      "w.timezone",
      "w.status",
    ])
    .where("t.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    session: { id: row.sessionId, startsAt: row.starts_at, endsAt: row.ends_at },
    workshop: { id: row.workshopId, title: row.title, place: row.place, timezone: row.timezone, status: row.status },
  };
}

export interface CheckInUser {
  accountId: number;
  personId: number;
  role: Role;
}

/** Where a person stands with a session's check-in; only "open" may be written. */
export type CheckInState =
  | { kind: "staff" }
  | { kind: "cancelled" }
  | { kind: "early"; opensAt: string }
  | { kind: "ended" }
  /** Already marked present (by an earlier scan, the roll call or a hand correction), at `at`. */
  | { kind: "already"; at: string }
  /** Staff marked them otherwise (absent, excused, or corrected by hand): only staff change that. */
  | { kind: "markedByStaff" }
  | { kind: "open"; registered: boolean };

export async function checkInState(db: DB, place: CheckInPlace, user: CheckInUser, now: Date): Promise<CheckInState> {
  // Staff run the roll call; a facilitator testing the poster must not become a participant.
  if (user.role !== "member") return { kind: "staff" };
  if (place.workshop.status === "cancelled") return { kind: "cancelled" };
  const session = { starts_at: place.session.startsAt, ends_at: place.session.endsAt };
  const mark = await db
    .selectFrom("attendance")
    .select(["status", "recorded_at", "corrected_status", "corrected_at"])
    .where("session_id", "=", place.session.id)
    .where("person_id", "=", user.personId)
    .executeTakeFirst();
  if (mark?.corrected_status === "present") return { kind: "already", at: mark.corrected_at ?? mark.recorded_at };
  if (mark?.corrected_status) return { kind: "markedByStaff" };
  if (mark?.status === "present" || mark?.status === "late") return { kind: "already", at: mark.recorded_at };
  if (mark?.status) return { kind: "markedByStaff" };
  const window = checkInWindow(session, now);
  if (window === "early") return { kind: "early", opensAt: checkInOpensAt(session) };
  if (window === "ended") return { kind: "ended" };
  const registration = await db
    .selectFrom("registration")
    .select("id")
    .where("workshop_id", "=", place.workshop.id)
    .where("person_id", "=", user.personId)
    .where("status", "=", "registered")
    .executeTakeFirst();
  return { kind: "open", registered: Boolean(registration) };
}

export type CheckInOutcome = Exclude<CheckInState, { kind: "open" }> | { kind: "done"; at: string; walkIn: boolean };

/**
 * Marks the member present at the poster's session, in one transaction that checks again what
 * the page showed: outside the window, a cancelled workshop, a second scan or a staff account
 * change nothing. Someone without a registration is registered at the door (`walk_in`) first.
 * A mark only an imported report made (minutes, no status) gains "present"; its minutes stay.
 */
export function checkIn(db: DB, place: CheckInPlace, user: CheckInUser, now = new Date()): Promise<CheckInOutcome> {
  return writeTransaction(
    db,
    async (tx) => {
      const state = await checkInState(tx, place, user, now);
      if (state.kind !== "open") return state;
      const at = now.toISOString();
      let registrationId: number | null = null;
      if (!state.registered) {
        const registration = await registerInTransaction(tx, {
          workshopId: place.workshop.id,
          personId: user.personId,
          method: "walk_in",
          registeredBy: user.accountId,
          now,
        });
        if (!registration.ok) return { kind: "cancelled" };
        registrationId = registration.registrationId;
      }
      const existing = await tx
        .selectFrom("attendance")
        .select("id")
        .where("session_id", "=", place.session.id)
        .where("person_id", "=", user.personId)
        .executeTakeFirst();
      const mark = { status: "present" as const, source: "qr" as const, recorded_by: user.accountId, recorded_at: at };
      if (existing) await tx.updateTable("attendance").set(mark).where("id", "=", existing.id).execute();
      else
        await tx
          .insertInto("attendance")
          .values({
            ...mark,
            session_id: place.session.id,
            person_id: user.personId,
            minutes_online: null,
            import_id: null,
          })
          .execute();
      await recordAudit(tx, {
        actorAccountId: user.accountId,
        action: "attendance.checkin",
        subjectType: "workshop_session",
        subjectId: place.session.id,
        details: { workshopId: place.workshop.id, personId: user.personId, walkIn: !state.registered, registrationId },
      });
      return { kind: "done", at, walkIn: !state.registered };
    },
    seatsOf(place.workshop.id),
  );
}

/** The names printed on a session's sign-in sheet: people registered for the workshop, by name. */
export async function signInSheetNames(db: DB, workshopId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("registration")
    .innerJoin("person", "person.id", "registration.person_id")
    .select("person.full_name")
    .where("registration.workshop_id", "=", workshopId)
    .where("registration.status", "=", "registered")
    .where("person.erased_at", "is", null)
    .execute();
  return rows.map((row) => row.full_name).sort((a, b) => a.localeCompare(b, "es"));
}
