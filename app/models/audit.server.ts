import type { DB } from "../utils/db.server";

/** Records a staff action on personal data or reach figures: who, what, when. */
export async function recordAudit(
  db: DB,
  entry: {
    actorAccountId: number | null;
    action: string;
    subjectType: string;
    subjectId: number | null;
    details?: unknown;
  },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_account_id: entry.actorAccountId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: JSON.stringify(entry.details ?? {}),
      created_at: new Date().toISOString(),
    })
    .execute();
}
