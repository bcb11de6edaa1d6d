import { useI18n } from "../../i18n/use-translation";
import type { ReachReport } from "../../models/reach.server";
import { numberFormat } from "../../utils/intl";

/**
 * From the data-quality panel to the people directory filtered on the missing fact, where staff
 * correct it. The report counts the period's people; the list holds everyone, and says so.
 */
export function QualityLinks({ quality }: { quality: ReachReport["quality"] }) {
  const { t, locale } = useI18n();
  const links = [
    { missing: "country", count: quality.missingCountry, label: "people.staff.quality.missingCountry" },
    { missing: "birthYear", count: quality.missingBirthYear, label: "people.staff.quality.missingBirthYear" },
    { missing: "sex", count: quality.missingSex, label: "people.staff.quality.missingSex" },
  ] as const;
  if (links.every((link) => link.count === 0)) return null;
  return (
    <div className="no-print">
      <h3>{t("people.staff.quality.title")}</h3>
      <p>{t("people.staff.quality.note")}</p>
      <ul>
        {links
          .filter((link) => link.count > 0)
          .map((link) => (
            <li key={link.missing}>
              <a href={`/staff/people?missing=${link.missing}`}>
                {t(link.label, { count: numberFormat(locale).format(link.count) })}
              </a>
            </li>
          ))}
      </ul>
    </div>
  );
}
