import type { Selectable } from "kysely";
import type { AttendanceImportChangeTable, AttendanceTable } from "../../db/schema";
import { writeTransaction, type DB } from "../utils/db.server";
import { recordAudit } from "./audit.server";

/**
 * Undoing an attendance import (docs/decisions/022): the rows it created go, the rows it changed get
 * their earlier values back — but only the values still as the import left them. A value someone
 * changed afterwards (a roll-call mark, a hand correction, a later import) stays, and the row is
 * counted as kept. People the import created stay: they may have other history.
 */

type Change = Selectable<AttendanceImportChangeTable>;
type Row = Pick<Selectable<AttendanceTable>, "id" | "status" | "minutes_online" | "import_id">;

export type UndoStep =
  | { kind: "delete"; rowId: number }
  | {
      kind: "restore";
      rowId: number;
      set: Partial<Pick<Selectable<AttendanceTable>, "status" | "minutes_online" | "source" | "import_id">> &
        Partial<Pick<Selectable<AttendanceTable>, "recorded_by" | "recorded_at">>;
    }
  | {
      kind: "keep";
      rowId: number | null;
      set?: Partial<Pick<Selectable<AttendanceTable>, "status" | "minutes_online" | "import_id">>;
    };

/** What undoing one change does to the row as it is now (pure: the rule, without the database). */
export function undoStep(change: Change, row: Row | undefined, importId: number): UndoStep {
  if (!row) return { kind: "keep", rowId: null };
  // A later import took the row over: its values are that import's now, and stay.
  if (row.import_id !== importId && row.import_id !== null) return { kind: "keep", rowId: row.id };
  const statusAsLeft = row.status === change.after_status;
  const minutesAsLeft = row.minutes_online === change.after_minutes;
  if (statusAsLeft && minutesAsLeft) {
    if (!change.existed) return { kind: "delete", rowId: row.id };
    return {
      kind: "restore",
      rowId: row.id,
      set: {
        status: change.before_status,
        minutes_online: change.before_minutes,
        source: change.before_source ?? "import",
        import_id: change.before_import_id,
        recorded_by: change.before_recorded_by,
        recorded_at: change.before_recorded_at ?? undefined,
      },
    };
  }
  return {
    kind: "keep",
    rowId: row.id,
    set: {
      status: statusAsLeft ? change.before_status : row.status,
      minutes_online: minutesAsLeft ? change.before_minutes : row.minutes_online,
      import_id: change.existed ? change.before_import_id : null,
    },
  };
}

export interface UndoCounts {
  deleted: number;
  restored: number;
  kept: number;
}

export interface ImportForUndo {
  id: number;
  fileName: string;
  importedAt: string;
  undoneAt: string | null;
  undoneByName: string | null;
  /** Imports made before changes were recorded cannot be undone. */
  undoable: boolean;
}

async function findImport(db: DB, importId: number, sessionId: number) {
  return db
    .selectFrom("attendance_import")
    .leftJoin("account", "account.id", "attendance_import.undone_by")
    .leftJoin("person", "person.id", "account.person_id")
    .select([
      "attendance_import.id",
      "attendance_import.file_name",
      "attendance_import.imported_at",
      "attendance_import.undone_at",
      "attendance_import.participants_hash",
      "person.full_name as undone_by_name",
    ])
    .where("attendance_import.id", "=", importId)
    .where("attendance_import.session_id", "=", sessionId)
    .executeTakeFirst();
}

async function plannedSteps(db: DB, importId: number, sessionId: number) {
  const changes = await db
    .selectFrom("attendance_import_change")
    .selectAll()
    .where("import_id", "=", importId)
    .execute();
  const rows = changes.length
    ? await db
        .selectFrom("attendance")
        .select(["id", "person_id", "status", "minutes_online", "import_id"])
        .where("session_id", "=", sessionId)
        .where(
          "person_id",
          "in",
          changes.map((c) => c.person_id),
        )
        .execute()
    : [];
  const byPerson = new Map(rows.map((r) => [r.person_id, r]));
  return changes.map((change) => undoStep(change, byPerson.get(change.person_id), importId));
}

function countSteps(steps: UndoStep[]): UndoCounts {
  return {
    deleted: steps.filter((s) => s.kind === "delete").length,
    restored: steps.filter((s) => s.kind === "restore").length,
    kept: steps.filter((s) => s.kind === "keep").length,
  };
}

/** The confirmation page: the import, and what undoing it now would do. Undefined when it is not an import of this session. */
export async function previewUndo(
  db: DB,
  importId: number,
  sessionId: number,
): Promise<{ import: ImportForUndo; counts: UndoCounts } | undefined> {
  const found = await findImport(db, importId, sessionId);
  if (!found) return undefined;
  return {
    import: {
      id: found.id,
      fileName: found.file_name,
      importedAt: found.imported_at,
      undoneAt: found.undone_at,
      undoneByName: found.undone_by_name,
      undoable: found.participants_hash !== null,
    },
    counts: countSteps(await plannedSteps(db, importId, sessionId)),
  };
}

export type UndoOutcome =
  | ({ kind: "undone" } & UndoCounts)
  | { kind: "alreadyUndone" }
  | { kind: "notUndoable" }
  | { kind: "notFound" };

/** Undoes one import of this session, in one transaction, audited; the import stays, marked undone. */
export function undoImport(
  db: DB,
  input: { importId: number; sessionId: number; workshopId: number; actorAccountId: number },
): Promise<UndoOutcome> {
  return writeTransaction(db, async (tx) => {
    const found = await findImport(tx, input.importId, input.sessionId);
    if (!found) return { kind: "notFound" } as const;
    if (found.undone_at) return { kind: "alreadyUndone" } as const;
    if (found.participants_hash === null) return { kind: "notUndoable" } as const;
    const steps = await plannedSteps(tx, input.importId, input.sessionId);
    for (const step of steps) {
      if (step.kind === "delete") await tx.deleteFrom("attendance").where("id", "=", step.rowId).execute();
      else if (step.rowId !== null && step.set)
        await tx.updateTable("attendance").set(step.set).where("id", "=", step.rowId).execute();
    }
    const now = new Date().toISOString();
    await tx
      .updateTable("attendance_import")
      .set({ undone_at: now, undone_by: input.actorAccountId })
      .where("id", "=", input.importId)
      .execute();
    const counts = countSteps(steps);
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: "attendance.import.undo",
      subjectType: "workshop_session",
      subjectId: input.sessionId,
      details: { importId: input.importId, workshopId: input.workshopId, ...counts },
    });
    return { kind: "undone", ...counts } as const;
  });
}
