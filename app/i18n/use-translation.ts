import { createContext, useContext, useMemo } from "react";
import { useMatches } from "@remix-run/react";
import type { Locale } from "../../db/schema";
import commonMessages from "./messages/common";
import type { T } from "./keys";
import { textsOfMatches } from "./page-texts";
import { createTranslator, type MessageTree } from "./translate";

// Used only when the root loader itself failed (e.g. the database is down).
const fallback = { locale: "es" as const, texts: { common: commonMessages.es } as unknown as MessageTree };

/**
 * The language and `t` of a tree rendered apart from the page, on the server (a cached report
 * body, app/reports/report-html.server.tsx): it has no route data to take texts from.
 */
export const StaticI18n = createContext<{ locale: Locale; t: T } | null>(null);

/**
 * `t` over the texts of every matched route (each route's loader sends its own; see page-texts.ts),
 * and `extra` texts: a page rendered from an action's data alone brings them in that data.
 */
export function useI18n(extra?: MessageTree): { locale: Locale; t: T } {
  const given = useContext(StaticI18n);
  // A tree either has StaticI18n or route data, always the same on every render of that tree.
  // eslint-disable-next-line react-hooks/rules-of-hooks
  return given ?? useRouteI18n(extra);
}

function useRouteI18n(extra?: MessageTree): { locale: Locale; t: T } {
  const { locale, texts } = textsOfMatches(useMatches(), extra) ?? fallback;
  const t = useMemo(() => createTranslator(locale, texts) as T, [locale, texts]);
  return { locale, t };
}
