import { participantKeys } from "../domain/attendance-import/identity";
import type { Participant } from "../domain/attendance-import/merge";
import type { Decision } from "../domain/attendance-import/plan";
import type { DB } from "../utils/db.server";
import { CANDIDATE_COLUMNS, type KnownPersonView, type RememberedDecision } from "./attendance-upload.server";

/**
 * The decisions earlier imports of a session (not undone) took for its participants, found again in a
 * new report of that session by hashed e-mail, phone or name (docs/decisions/022). A later export of the
 * same meeting with more people starts from them; the newest import wins. People since erased are left out.
 */
export async function earlierDecisions(
  db: DB,
  workshopId: number,
  sessionId: number,
  participants: Participant[],
): Promise<{
  decisions: Map<string, Decision>;
  people: KnownPersonView[];
  from: { fileName: string; importedAt: string } | null;
}> {
  const imports = await db
    .selectFrom("attendance_import")
    .select(["id", "file_name", "imported_at", "decisions"])
    .where("session_id", "=", sessionId)
    .where("undone_at", "is", null)
    .orderBy("imported_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const byKey = new Map<string, { personId: number | null; importIndex: number }>();
  imports.forEach((row, importIndex) => {
    for (const remembered of JSON.parse(row.decisions) as RememberedDecision[])
      for (const key of remembered.keys)
        if (!byKey.has(key)) byKey.set(key, { personId: remembered.personId, importIndex });
  });
  const found = new Map<string, { personId: number | null; importIndex: number }>();
  for (const participant of participants) {
    const hit = participantKeys(participant)
      .map((key) => byKey.get(key))
      .find(Boolean);
    if (hit) found.set(participant.key, hit);
  }
  const ids = [...new Set([...found.values()].flatMap((f) => (f.personId === null ? [] : [f.personId])))];
  const people = ids.length
    ? await db
        .selectFrom("person")
        .leftJoin("registration", (join) =>
          join
            .onRef("registration.person_id", "=", "person.id")
            .on("registration.workshop_id", "=", workshopId)
            .on("registration.status", "in", ["registered", "waitlisted"]),
        )
        .select([...CANDIDATE_COLUMNS, "registration.id as registration_id"])
        .where("person.id", "in", ids)
        .where("person.erased_at", "is", null)
        .execute()
    : [];
  const alive = new Set(people.map((p) => p.id));
  const decisions = new Map<string, Decision>();
  let newest: number | null = null;
  for (const [key, hit] of found) {
    if (hit.personId !== null && !alive.has(hit.personId)) continue;
    decisions.set(key, hit.personId === null ? { kind: "ignore" } : { kind: "person", personId: hit.personId });
    newest = newest === null ? hit.importIndex : Math.min(newest, hit.importIndex);
  }
  return {
    decisions,
    people: people.map((p) => ({
      id: p.id,
      fullName: p.full_name,
      email: p.email,
      phone: p.phone,
      registered: p.registration_id !== null,
      cooperative: p.cooperative,
      birthYear: p.birth_year,
      region: p.region,
    })),
    from: newest === null ? null : { fileName: imports[newest].file_name, importedAt: imports[newest].imported_at },
  };
}
