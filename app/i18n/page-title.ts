import type { MessageKey, T } from "./keys";
import { textsOfMatches } from "./page-texts";
import { createTranslator, type Vars } from "./translate";

type Matches = ReadonlyArray<{ id: string; data?: unknown } | undefined>;

/** `t` in the reader's language inside a `meta` function, from the texts the matched routes sent. */
export function metaTranslator(matches: Matches): T | null {
  const page = textsOfMatches(matches);
  return page ? (createTranslator(page.locale, page.texts) as T) : null;
}

/** "Talleres · Minka": a page's title is its heading, translated like the page. */
export function pageTitle(matches: Matches, key: MessageKey, vars?: Vars): string {
  const t = metaTranslator(matches);
  return t ? `${t(key, vars)} · Minka` : "Minka";
}
