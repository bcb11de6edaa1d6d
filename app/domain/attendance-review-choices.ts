import type { ReviewItem } from "./attendance-review";

/**
 * The review's choices as the page and the server both read them. Kept apart from
 * attendance-review.ts, which reads reports and contacts, so the page ships none of that.
 */

/** The value a row's choice has: what the form posted (after a refused post), else what it starts with. */
export function chosenValue(item: ReviewItem, values: Record<string, string>): string {
  return values[`d-${item.participant.key}`] ?? item.initial;
}

/**
 * The rows "add the remaining people as new" fills: not recognised and with no choice yet. A
 * probable match is never among them: it may be a registrant, so staff choose.
 */
export function remainingAsNew(items: ReviewItem[], values: Record<string, string>): ReviewItem[] {
  return items.filter((item) => item.match.kind === "unmatched" && !chosenValue(item, values));
}

/** The posted values with every remaining row set to "new"; the choices already made stay. */
export function withRemainingAsNew(items: ReviewItem[], values: Record<string, string>): Record<string, string> {
  const filled = { ...values };
  for (const item of remainingAsNew(items, values)) filled[`d-${item.participant.key}`] = "new";
  return filled;
}
