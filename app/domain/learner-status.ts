/** How a learner stands in a course, for the staff table and its CSV. */
export type LearnerStatus = "notStarted" | "inProgress" | "completed" | "left";

export function learnerStatus(row: {
  leftAt: string | null;
  completedAt: string | null;
  lastActivityAt: string | null;
}): LearnerStatus {
  if (row.completedAt) return "completed";
  if (row.leftAt) return "left";
  return row.lastActivityAt ? "inProgress" : "notStarted";
}
