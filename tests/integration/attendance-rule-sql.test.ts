import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { AttendanceStatus, CorrectedStatus } from "../../db/schema";
import { makePerson, makeWorkshop, markAttendance } from "../../db/factories/reach";
import { attendedSession, CORRECTED_STATUSES, ROLL_CALL_STATUSES } from "../../app/domain/attendance-rule";
import { attendedSessionSql } from "../../app/models/reach.server";
import { getDb } from "../../app/utils/db.server";

/** The report counts attendance in SQL; the attendance page in TypeScript. They must never disagree. */
describe("the attendance rule in SQL and in TypeScript", () => {
  it("gives the same answer for every status, hand correction and minutes value around the minimum", async () => {
    const db = await getDb();
    const minMinutes = 45;
    const workshop = await makeWorkshop(db, {
      modality: "online",
      attendanceMinMinutes: minMinutes,
      sessions: ["2025-03-10T15:00:00.000Z"],
    });
    const statuses: Array<AttendanceStatus | null> = [null, ...ROLL_CALL_STATUSES];
    const corrections: Array<CorrectedStatus | null> = [null, ...CORRECTED_STATUSES];
    const minutes = [null, 0, minMinutes - 1, minMinutes, minMinutes + 1, 600];
    const expected = new Map<number, boolean>();
    for (const status of statuses) {
      for (const minutesOnline of minutes) {
        for (const correctedStatus of corrections) {
          for (const correctedMinutes of [null, 0, minMinutes]) {
            const person = await makePerson(db, {});
            const mark = { status, minutesOnline, correctedStatus, correctedMinutes };
            await markAttendance(db, workshop.sessionIds[0], person, mark);
            expected.set(person, attendedSession(mark, minMinutes));
          }
        }
      }
    }
    const rows = await sql<{ person_id: number; attended: number | boolean }>`
      select a.person_id, case when ${attendedSessionSql} then 1 else 0 end as attended
      from attendance a join workshop_session s on s.id = a.session_id join workshop w on w.id = s.workshop_id
      where w.id = ${workshop.id}`.execute(db);
    const actual = new Map(rows.rows.map((row) => [row.person_id, Number(row.attended) === 1]));
    expect(actual).toEqual(expected);
    // Both answers occur, so the comparison says something.
    expect(new Set(expected.values())).toEqual(new Set([true, false]));
  });
});
