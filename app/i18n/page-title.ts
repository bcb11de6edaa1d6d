import type { Locale } from "../../db/schema";
import type { MessageKey, T } from "./keys";
import type { Messages } from "./messages.server";
import { createTranslator, type MessageTree, type Vars } from "./translate";

type Matches = ReadonlyArray<{ id: string; data?: unknown } | undefined>;

/** `t` in the reader's language inside a `meta` function, from the texts the root loader sent. */
export function metaTranslator(matches: Matches): T | null {
  const root = matches.find((match) => match?.id === "root")?.data as
    | { locale?: Locale; messages?: Messages }
    | undefined;
  if (!root?.locale || !root.messages) return null;
  return createTranslator(root.locale, root.messages as unknown as MessageTree) as T;
}

/** "Talleres · Minka": a page's title is its heading, translated like the page. */
export function pageTitle(matches: Matches, key: MessageKey, vars?: Vars): string {
  const t = metaTranslator(matches);
  return t ? `${t(key, vars)} · Minka` : "Minka";
}
