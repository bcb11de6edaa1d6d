import { DEFAULT_MIN_MINUTES } from "../../domain/attendance-rule";
import { useI18n } from "../../i18n/use-translation";

const KEYS = [
  "registered",
  "attendedSession",
  "attendedWorkshop",
  "perWorkshop",
  "unique",
  "noShows",
  "dates",
  "periods",
  "age",
  "disaggregation",
  "courses",
  "scope",
] as const;

/** The definitions behind every figure, on the page itself (and in README "Reach definitions"). */
export function ReachDefinitions() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="definitions-title" className="reach-definitions">
      <h2 id="definitions-title">{t("reports.definitions.title")}</h2>
      <ul>
        {KEYS.map((key) => (
          <li key={key}>{t(`reports.definitions.${key}`, { minutes: DEFAULT_MIN_MINUTES })}</li>
        ))}
      </ul>
    </section>
  );
}
