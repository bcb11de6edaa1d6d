import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { PENDING_SUBMISSIONS_DB } from "./names";

/**
 * Completions and quiz answers that wait for a connection (issue #20; docs/decisions/037).
 * Used by the page and by the service worker alike: only IndexedDB and `fetch`, no DOM.
 * Each item carries the browser's client id, so the server accepts it once however often it
 * is sent (the page and the worker may both send it; an answer may be lost on the way back).
 */

export type PendingKind = "completion" | "quiz";

export interface PendingSubmission {
  /** A UUID made when the member pressed the button; also in `fields` as `clientId`. */
  clientId: string;
  kind: PendingKind;
  /** The same-origin address the form posts to, without a fragment. */
  url: string;
  /** The form's fields as sent, `clientId` and `account` included. */
  fields: Array<[string, string]>;
  /** `course-slug/lesson-slug`: the lesson page shows its pending items. */
  lesson: string;
  /** The account the page was signed in as: the server refuses the item for any other (409). */
  account: number;
  createdAt: string;
}

/** Quiz answers sent while the page was closed: the lesson page offers their grading on the next visit. */
export interface GradedQuiz {
  clientId: string;
  lesson: string;
  account: number;
  /** The lesson's address with the answers, where the server grades them. */
  resultUrl: string;
  sentAt: string;
}

/** An item kept for another account is dropped after this long: that member may never sign in here again. */
export const PENDING_KEPT_DAYS = 30;

interface PendingSchema extends DBSchema {
  pending: { key: string; value: PendingSubmission; indexes: { lesson: string } };
  graded: { key: string; value: GradedQuiz; indexes: { lesson: string } };
}

let opened: Promise<IDBPDatabase<PendingSchema>> | undefined;

function database(): Promise<IDBPDatabase<PendingSchema>> {
  opened ??= openDB<PendingSchema>(PENDING_SUBMISSIONS_DB, 1, {
    upgrade(db) {
      db.createObjectStore("pending", { keyPath: "clientId" }).createIndex("lesson", "lesson");
      db.createObjectStore("graded", { keyPath: "clientId" }).createIndex("lesson", "lesson");
    },
  });
  return opened;
}

/** Tells every page and the worker that the queue changed (they re-read it). */
const CHANNEL = "minka-pending-submissions";

/**
 * Calls `listener` whenever the queue changes in this or another page or the worker; returns
 * the unsubscribe. Every change is posted from a channel of its own, so listeners here hear it too.
 */
export function onPendingChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}

function changed(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage("changed");
  channel.close();
}

export async function addPendingSubmission(item: PendingSubmission): Promise<void> {
  await (await database()).put("pending", item);
  changed();
}

/** Pending items, oldest first; of one lesson when asked. */
export async function listPendingSubmissions(lesson?: string): Promise<PendingSubmission[]> {
  const db = await database();
  const items = lesson ? await db.getAllFromIndex("pending", "lesson", lesson) : await db.getAll("pending");
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function listGradedQuizzes(lesson: string): Promise<GradedQuiz[]> {
  return (await database()).getAllFromIndex("graded", "lesson", lesson);
}

/** The member has seen (or been taken to) the grading. */
export async function forgetGradedQuizzes(lesson: string): Promise<void> {
  const db = await database();
  const keys = await db.getAllKeysFromIndex("graded", "lesson", lesson);
  if (!keys.length) return;
  const tx = db.transaction("graded", "readwrite");
  await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
  changed();
}

export type SendOutcome =
  /** Accepted (a redirect to the page, or 2xx); `finalUrl` is where the redirect led. */
  | { kind: "sent"; finalUrl: string }
  /** Never going to succeed as it is (a 4xx): dropped. */
  | { kind: "refused"; status: number }
  /** Try later: no network, a 5xx, signed out, or another account signed in. */
  | { kind: "later"; reason: "network" | "server" | "signedOut" | "otherAccount" };

/**
 * Posts one item as the form would (urlencoded, same origin, cookies sent). The server's
 * CSRF check accepts the same-origin `Origin` header the browser adds to a page's or the
 * worker's fetch. Redirects are followed, so that a completion that lands on the login page
 * (the session ended) is told apart from one that lands on its lesson.
 */
export async function sendSubmission(item: PendingSubmission, origin?: string): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(new URL(item.url, origin ?? self.location.origin), {
      method: "POST",
      body: new URLSearchParams(item.fields),
      credentials: "same-origin",
      redirect: "follow",
    });
  } catch {
    return { kind: "later", reason: "network" };
  }
  // Only the status matters: the page the redirect led to is not read.
  await response.body?.cancel().catch(() => undefined);
  if (response.redirected && new URL(response.url).pathname === "/login") return { kind: "later", reason: "signedOut" };
  if (response.ok) return { kind: "sent", finalUrl: response.url };
  if (response.status === 409) return { kind: "later", reason: "otherAccount" };
  if (response.status >= 400 && response.status < 500) return { kind: "refused", status: response.status };
  return { kind: "later", reason: "server" };
}

export interface FlushReport {
  sent: PendingSubmission[];
  dropped: number;
  kept: number;
}

let flushing: Promise<FlushReport> | undefined;

/**
 * Sends every pending item, oldest first; drops each one sent or refused for good, keeps the
 * others. Stops at the first network error (the rest would fail the same way). One flush at a
 * time per page or worker; a page and the worker at once only cost a repeated (idempotent) post.
 */
export function flushPendingSubmissions(options: { origin?: string; now?: () => Date } = {}): Promise<FlushReport> {
  flushing ??= flush(options).finally(() => (flushing = undefined));
  return flushing;
}

async function flush({ origin, now = () => new Date() }: { origin?: string; now?: () => Date }): Promise<FlushReport> {
  const report: FlushReport = { sent: [], dropped: 0, kept: 0 };
  const items = await listPendingSubmissions();
  if (!items.length) return report;
  const db = await database();
  for (const [index, item] of items.entries()) {
    const outcome = await sendSubmission(item, origin);
    const stale = now().getTime() - Date.parse(item.createdAt) > PENDING_KEPT_DAYS * 86_400_000;
    if (outcome.kind === "later" && !(outcome.reason === "otherAccount" && stale)) {
      report.kept++;
      if (outcome.reason === "network") {
        report.kept += items.length - index - 1;
        break;
      }
      continue;
    }
    const tx = db.transaction(["pending", "graded"], "readwrite");
    await tx.objectStore("pending").delete(item.clientId);
    if (outcome.kind === "sent") {
      report.sent.push(item);
      if (item.kind === "quiz")
        await tx.objectStore("graded").put({
          clientId: item.clientId,
          lesson: item.lesson,
          account: item.account,
          resultUrl: samePath(outcome.finalUrl),
          sentAt: now().toISOString(),
        });
    } else report.dropped++;
    await tx.done;
  }
  if (report.sent.length || report.dropped) changed();
  return report;
}

/** A same-origin address without its origin, so a link to it stays on this site. */
function samePath(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}
