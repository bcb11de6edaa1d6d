import type { Locale } from "../../db/schema";
import { getLocale } from "../utils/locale.server";
import { messages, type Messages } from "./messages.server";
import { deepMerge, type PageTexts } from "./page-texts";
import type { PathOf } from "./translate";

/** A namespace, a subtree or one message: `"reports"`, `"people.staff.quality"`, `"common.nav.home"`. */
export type TextPath = PathOf<Messages>;

/**
 * What every page needs: the shell (skip link, header, footer, language switch), the error pages,
 * and the field errors every form shares. The header's staff links are single messages, so
 * members and visitors carry none of the staff subtrees.
 */
export const ROOT_TEXTS: readonly TextPath[] = [
  "common",
  "display.textSize",
  "learning.staff.nav",
  "people.staff.nav",
  "workshops.nav",
];

const cache = new Map<string, PageTexts>();

/** The texts of the given paths in one language: built once per process, the same object for every request. */
export function textsIn(locale: Locale, paths: readonly TextPath[]): PageTexts {
  const id = `${locale}:${paths.join(",")}`;
  let texts = cache.get(id);
  if (!texts) cache.set(id, (texts = pick(messages[locale] as unknown as PageTexts, paths)));
  return texts;
}

/** A route's texts in the reader's language, for its loader's data: `texts: await pageTexts(request, ["reports"])`. */
export async function pageTexts(request: Request, paths: readonly TextPath[]): Promise<PageTexts> {
  return textsIn(await getLocale(request), paths);
}

/** A loader for a page whose only data is its texts. */
export function textsLoader(paths: readonly TextPath[]) {
  return async ({ request }: { request: Request }) => ({ texts: await pageTexts(request, paths) });
}

// Subtrees are shared with `messages`, never copied into: deepMerge builds new objects.
function pick(all: PageTexts, paths: readonly TextPath[]): PageTexts {
  return paths.reduce<PageTexts>((out, path) => {
    const parts = path.split(".");
    let node: unknown = all;
    for (const part of parts) node = (node as PageTexts | undefined)?.[part];
    if (node === undefined) throw new Error(`No texts at "${path}"`);
    const branch = parts.reduceRight<unknown>((inner, part) => ({ [part]: inner }), node) as PageTexts;
    return deepMerge(out, branch);
  }, {});
}
