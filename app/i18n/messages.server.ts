import type { Locale } from "../../db/schema";
import account from "./messages/account";
import admin from "./messages/admin";
import attendance from "./messages/attendance";
import auth from "./messages/auth";
import common from "./messages/common";
import courses from "./messages/courses";
import downloads from "./messages/downloads";
import home from "./messages/home";
import identity from "./messages/identity";
import learning from "./messages/learning";
import people from "./messages/people";
import privacy from "./messages/privacy";
import reports from "./messages/reports";
import reset from "./messages/reset";
import roster from "./messages/roster";
import workshops from "./messages/workshops";

// One line per namespace (keep them sorted); the type of `en` follows `es`.
const namespaces = {
  account,
  admin,
  attendance,
  auth,
  common,
  courses,
  downloads,
  home,
  identity,
  learning,
  people,
  privacy,
  reports,
  reset,
  roster,
  workshops,
};

type Namespaces = typeof namespaces;
export type Messages = { [K in keyof Namespaces]: Namespaces[K]["es"] };

function pick(locale: Locale): Messages {
  return Object.fromEntries(Object.entries(namespaces).map(([name, m]) => [name, m[locale]])) as Messages;
}

export const messages: Record<Locale, Messages> = { es: pick("es"), en: pick("en") };

/**
 * Texts only staff screens (and staff e-mails) use. Pages for members and visitors leave them out:
 * they are two thirds of all texts, and members read on cheap phones over weak connections.
 * A staff page rendered with the visitor set would show raw keys; the authorization-matrix test
 * fetches every page as every role and fails on any raw key.
 */
export const STAFF_ONLY_TEXTS = [
  "admin",
  "attendance",
  "identity",
  // Only loaders name files, on the server: no page needs these.
  "downloads",
  "reports",
  "learning.enrolOne",
  "learning.import",
  "learning.staff",
  "people.staff",
  "privacy.admin",
  "reset.mail",
  "reset.staff",
  "roster",
  "workshops.form",
  "workshops.mail",
  "workshops.staff",
  "workshops.walkIn",
] as const;

function withoutStaffTexts(all: Messages): Messages {
  const copy: Record<string, Record<string, unknown>> = Object.fromEntries(
    Object.entries(all).map(([name, tree]) => [name, { ...tree }]),
  );
  for (const path of STAFF_ONLY_TEXTS) {
    const [namespace, part] = path.split(".");
    if (part) delete copy[namespace][part];
    else delete copy[namespace];
  }
  return copy as unknown as Messages;
}

const visitorMessages: Record<Locale, Messages> = {
  es: withoutStaffTexts(messages.es),
  en: withoutStaffTexts(messages.en),
};

/** The texts a page carries to the browser: everything for staff, the visitor set for members and visitors. */
export function pageMessages(locale: Locale, forStaff: boolean): Messages {
  return forStaff ? messages[locale] : visitorMessages[locale];
}
