import type { Locale } from "../../db/schema";
import type { MessageTree } from "./translate";

/**
 * The texts a page carries: the root's (`common` and the header's links) and those of every
 * matched route, each declared by the route's loader (`texts: await pageTexts(request, [...])`,
 * app/i18n/page-texts.server.ts). A key outside them shows as itself: the authorization matrix
 * and app/i18n/route-texts.test.ts catch that.
 */
export type PageTexts = MessageTree;

type Match = { data?: unknown } | undefined;

/** The reader's language and the merged texts of the matched routes, root first (then `extra`, e.g. an action's). */
export function textsOfMatches(
  matches: ReadonlyArray<Match>,
  extra?: PageTexts,
): { locale: Locale; texts: PageTexts } | null {
  const root = matches[0]?.data as { locale?: Locale; texts?: PageTexts } | undefined;
  if (!root?.locale || !root.texts) return null;
  const parts: PageTexts[] = [];
  for (const match of matches) {
    const texts = (match?.data as { texts?: unknown } | null | undefined)?.texts;
    if (texts && typeof texts === "object") parts.push(texts as PageTexts);
  }
  if (extra) parts.push(extra);
  return { locale: root.locale, texts: mergeTexts(parts) };
}

interface Node {
  next: WeakMap<PageTexts, Node>;
  merged?: PageTexts;
}
const merges: Node = { next: new WeakMap() };

/**
 * One merged object per sequence of text sets, so each translator (and its Intl objects) is built
 * once: on the server the sets are the same cached objects on every request.
 */
export function mergeTexts(parts: PageTexts[]): PageTexts {
  if (parts.length === 1) return parts[0];
  let node = merges;
  for (const part of parts) {
    let next = node.next.get(part);
    if (!next) node.next.set(part, (next = { next: new WeakMap() }));
    node = next;
  }
  return (node.merged ??= parts.reduce(deepMerge, {}));
}

/** `from` over `into`, subtree by subtree; neither is changed. */
export function deepMerge(into: PageTexts, from: PageTexts): PageTexts {
  const out: PageTexts = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const existing = out[key];
    out[key] = isTree(existing) && isTree(value) ? deepMerge(existing, value) : value;
  }
  return out;
}

const isTree = (value: unknown): value is PageTexts =>
  typeof value === "object" && value !== null && typeof (value as { other?: unknown }).other !== "string";
