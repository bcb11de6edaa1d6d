/**
 * A completion or quiz answer sent by the browser may carry a client id: a UUID the page made
 * when the member pressed the button, so a submission kept offline and sent again later (or
 * twice, by the page and the service worker) is accepted once (docs/decisions/037).
 * It may also carry the account the page was signed in as, so a phone shared by two members
 * never sends one member's pending work as the other's.
 */
export const CLIENT_ID_LENGTH = 36;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export type ClientSubmission =
  | { ok: true; clientId: string | null }
  | { ok: false; reason: "badClientId" | "otherAccount" };

/**
 * Reads `clientId` and `account` from a form. No client id (JavaScript off) is fine: the
 * submission is handled as always. A malformed one is refused, and so is an `account` that is
 * not the signed-in one (the pending item belongs to someone else; it waits for them).
 */
export function readClientSubmission(
  form: { get(name: string): FormDataEntryValue | string | null },
  signedInAccountId: number | null,
): ClientSubmission {
  const account = form.get("account");
  if (typeof account === "string" && account !== "" && account !== String(signedInAccountId))
    return { ok: false, reason: "otherAccount" };
  const raw = form.get("clientId");
  if (raw === null || raw === "") return { ok: true, clientId: null };
  if (typeof raw !== "string" || raw.length !== CLIENT_ID_LENGTH) return { ok: false, reason: "badClientId" };
  const clientId = raw.toLowerCase();
  if (!UUID.test(clientId)) return { ok: false, reason: "badClientId" };
  return { ok: true, clientId };
}
