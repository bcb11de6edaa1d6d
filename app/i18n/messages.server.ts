import type { Locale } from "../../db/schema";
import access from "./messages/access";
import account from "./messages/account";
import admin from "./messages/admin";
import attendance from "./messages/attendance";
import auth from "./messages/auth";
import checkin from "./messages/checkin";
import common from "./messages/common";
import courses from "./messages/courses";
import display from "./messages/display";
import downloads from "./messages/downloads";
import exports from "./messages/exports";
import home from "./messages/home";
import identity from "./messages/identity";
import learning from "./messages/learning";
import mail from "./messages/mail";
import offline from "./messages/offline";
import offlineSave from "./messages/offline-save";
import pending from "./messages/pending";
import people from "./messages/people";
import privacy from "./messages/privacy";
import reports from "./messages/reports";
import reset from "./messages/reset";
import roster from "./messages/roster";
import workshops from "./messages/workshops";

// One line per namespace (keep them sorted); the type of `en` follows `es`.
const namespaces = {
  access,
  account,
  admin,
  attendance,
  auth,
  checkin,
  common,
  courses,
  display,
  downloads,
  exports,
  home,
  identity,
  learning,
  mail,
  offline,
  offlineSave,
  pending,
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
