/** The ids a field wires together: its control, its hint and its error, and what the control is described by. */
export function fieldIds(id: string, present: { hint: boolean; error: boolean }) {
  const hintId = present.hint ? `${id}-hint` : undefined;
  const errorId = present.error ? `${id}-error` : undefined;
  // The error first: a screen reader reads what went wrong before the general hint.
  return { id, hintId, errorId, describedBy: describedBy(errorId, hintId) };
}

/** An `aria-describedby` value from the ids present, or nothing when none is. */
export function describedBy(...ids: Array<string | undefined | null | false>): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}
