import type { Migration } from "kysely";
import * as peopleAccountsSessions from "./2026-11-27T0900-people-accounts-sessions";
import * as domainModel from "./2026-11-27T1000-domain-model";
import * as coursesContent from "./2026-11-27T1200-courses-content";
import * as learningIndexes from "./2026-11-27T1210-learning-indexes";
import * as workshopsOutboxLinks from "./2026-11-27T1220-workshops-outbox-links";
import * as attendanceUploads from "./2026-11-27T1230-attendance-uploads";
import * as reachLocalDates from "./2026-11-27T1240-reach-local-dates-and-indexes";
import * as hardening from "./2026-11-27T1250-hardening";
import * as enrolmentUploads from "./2026-12-02T0100-enrolment-uploads";
import * as reachDataVersion from "./2026-12-02T0200-reach-data-version";
import * as rateLimitWindows from "./2026-12-02T0230-rate-limit-windows";
import * as rosterUploads from "./2026-12-02T0300-roster-uploads";
import * as importIdentityAndUndo from "./2026-12-03T0100-import-identity-and-undo";
import * as attendanceCorrections from "./2026-12-03T0200-attendance-corrections";
import * as reachFacts from "./2026-12-03T0300-reach-facts";
import * as calendarSequence from "./2026-12-03T0400-calendar-sequence";
import * as mailPreferences from "./2026-12-04T0100-mail-preferences";
import * as accessCardsSignInLinks from "./2026-12-04T0200-access-cards-sign-in-links";
import * as qrCheckIn from "./2026-12-04T0300-qr-check-in";
import * as largeText from "./2026-12-04T0400-large-text";
import * as clientSubmissions from "./2026-12-05T0100-client-submissions";
import * as calendarCancellations from "./2026-12-05T0200-calendar-cancellations";

/**
 * Every migration, by name. Listed explicitly (not read from the folder) so that
 * they load the same under tsx, Vitest and bundlers. Names sort by date.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-27T0900-people-accounts-sessions": peopleAccountsSessions,
  "2026-11-27T1000-domain-model": domainModel,
  "2026-11-27T1200-courses-content": coursesContent,
  "2026-11-27T1210-learning-indexes": learningIndexes,
  "2026-11-27T1220-workshops-outbox-links": workshopsOutboxLinks,
  "2026-11-27T1230-attendance-uploads": attendanceUploads,
  "2026-11-27T1240-reach-local-dates-and-indexes": reachLocalDates,
  "2026-11-27T1250-hardening": hardening,
  "2026-12-02T0100-enrolment-uploads": enrolmentUploads,
  "2026-12-02T0200-reach-data-version": reachDataVersion,
  "2026-12-02T0230-rate-limit-windows": rateLimitWindows,
  "2026-12-02T0300-roster-uploads": rosterUploads,
  "2026-12-03T0100-import-identity-and-undo": importIdentityAndUndo,
  "2026-12-03T0200-attendance-corrections": attendanceCorrections,
  "2026-12-03T0300-reach-facts": reachFacts,
  "2026-12-03T0400-calendar-sequence": calendarSequence,
  "2026-12-04T0100-mail-preferences": mailPreferences,
  "2026-12-04T0200-access-cards-sign-in-links": accessCardsSignInLinks,
  "2026-12-04T0300-qr-check-in": qrCheckIn,
  "2026-12-04T0400-large-text": largeText,
  "2026-12-05T0100-client-submissions": clientSubmissions,
  "2026-12-05T0200-calendar-cancellations": calendarCancellations,
};
