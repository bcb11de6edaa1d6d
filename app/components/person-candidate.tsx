import type { PersonCandidate } from "../models/person-candidates.server";
import { useI18n } from "../i18n/use-translation";
import { formatShortDate } from "../utils/dates";

/** Serialised for the browser: what every chooser shows of a candidate (built by describeCandidates). */
export type CandidateView = Omit<PersonCandidate, "sex"> & { sex?: PersonCandidate["sex"] };

/**
 * One candidate in any chooser (walk-in, roll call, course enrolment, attendance review): the name,
 * then what tells namesakes apart: cooperative, region, birth year, masked contacts, last workshop.
 */
export function CandidateSummary({ candidate }: { candidate: CandidateView }) {
  const { t, locale } = useI18n();
  const last = candidate.lastWorkshop;
  const details = [
    candidate.cooperative,
    candidate.regionName,
    candidate.birthYear ? t("identity.candidate.born", { year: String(candidate.birthYear) }) : null,
    candidate.phoneHint,
    candidate.emailHint,
    last
      ? t("identity.candidate.lastWorkshop", {
          title: last.title,
          date: formatShortDate(last.startsAt, locale, last.timezone),
        })
      : t("identity.candidate.noWorkshop"),
  ].filter(Boolean);
  return (
    <>
      <strong>{candidate.fullName}</strong>
      {details.map((detail) => ` · ${detail}`)}
    </>
  );
}
