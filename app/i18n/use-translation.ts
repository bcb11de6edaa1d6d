import { useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "../../db/schema";
import commonMessages from "./messages/common";
import type { T } from "./keys";
import type { Messages } from "./messages.server";
import { createTranslator, type MessageTree } from "./translate";

interface RootI18n {
  locale: Locale;
  messages: Messages;
}

// Used only when the root loader itself failed (e.g. the database is down).
const fallback: RootI18n = { locale: "es", messages: { common: commonMessages.es } as unknown as Messages };

export function useI18n(): { locale: Locale; t: T } {
  const data = useRouteLoaderData("root") as RootI18n | undefined;
  const { locale, messages } = data?.messages ? data : fallback;
  const t = useMemo(() => createTranslator(locale, messages as unknown as MessageTree) as T, [locale, messages]);
  return { locale, t };
}
