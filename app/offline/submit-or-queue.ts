import { SUBMISSIONS_SYNC_TAG } from "./names";
import { addPendingSubmission, sendSubmission, type PendingKind, type PendingSubmission } from "./pending-submissions";

/**
 * The page's side of sending a completion or quiz answers (docs/decisions/037): online, a fetch
 * of the form as it would post itself; offline, or when the network fails on the way, the same
 * submission kept in IndexedDB, sent later by the page or the service worker. Imported statically
 * by the lesson page, so that nothing is left to fetch once the connection is gone.
 */

export type SubmitOutcome =
  | { state: "sent"; finalUrl: string }
  | { state: "queued" }
  /** The server answered something else (signed out, refused, broken): the form was posted as without JavaScript. */
  | { state: "posted" };

export async function submitOrQueue(
  form: HTMLFormElement,
  meta: { kind: PendingKind; lesson: string; account: number },
): Promise<SubmitOutcome> {
  const clientId = newClientId();
  const action = new URL(form.action, window.location.href);
  const fields: Array<[string, string]> = [];
  new FormData(form).forEach((value, name) => {
    if (typeof value === "string") fields.push([name, value]);
  });
  fields.push(["clientId", clientId], ["account", String(meta.account)]);
  const item: PendingSubmission = {
    clientId,
    kind: meta.kind,
    url: action.pathname + action.search,
    fields,
    lesson: meta.lesson,
    account: meta.account,
    createdAt: new Date().toISOString(),
  };
  if (navigator.onLine !== false) {
    const outcome = await sendSubmission(item);
    if (outcome.kind === "sent") return { state: "sent", finalUrl: outcome.finalUrl };
    if (outcome.kind !== "later" || outcome.reason !== "network") {
      postAsWithoutJavaScript(form, { clientId, account: String(meta.account) });
      return { state: "posted" };
    }
  }
  await addPendingSubmission(item);
  await requestBackgroundSync();
  return { state: "queued" };
}

/** The same post, as a document: the server's own answer (login, a refusal) is then shown as without JavaScript. */
function postAsWithoutJavaScript(form: HTMLFormElement, extra: Record<string, string>) {
  for (const [name, value] of Object.entries(extra)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  HTMLFormElement.prototype.submit.call(form);
}

/** Background Sync where the browser has it and a service worker is installed; nothing otherwise. */
async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)?.sync;
    await sync?.register(SUBMISSIONS_SYNC_TAG);
  } catch {
    // Refused (permission, no worker yet): the next page load or the `online` event sends it.
  }
}

/** A random (version 4) UUID; `crypto.randomUUID` exists only on secure pages. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
