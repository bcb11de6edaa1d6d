import { Link } from "@remix-run/react";
import { timeZoneName } from "../domain/workshop-display";
import { useI18n } from "../i18n/use-translation";
import { formatDate, formatTime } from "../utils/dates";

/** "Sesión del jueves 19 de noviembre de 2026, 10:00 (hora de Lima)". */
export function SessionLabel({ startsAt, timeZone }: { startsAt: string; timeZone: string }) {
  const { t, locale } = useI18n();
  return (
    <>
      {t("attendance.session", {
        date: formatDate(startsAt, locale, timeZone),
        time: formatTime(startsAt, locale, timeZone),
        zone: timeZoneName(t, timeZone),
      })}
    </>
  );
}

/** Links between one session's attendance pages and the workshop's. */
export function AttendanceNav({
  workshopId,
  sessionId,
  current,
}: {
  workshopId: number;
  sessionId?: number;
  current: "rollCall" | "import" | "summary";
}) {
  const { t } = useI18n();
  const base = `/staff/workshops/${workshopId}`;
  const items: Array<{ key: "rollCall" | "import" | "summary" | "backToWorkshop"; to: string }> = [
    ...(sessionId
      ? [
          { key: "rollCall" as const, to: `${base}/sessions/${sessionId}/roll-call` },
          { key: "import" as const, to: `${base}/sessions/${sessionId}/import` },
        ]
      : []),
    { key: "summary", to: `${base}/attendance` },
    { key: "backToWorkshop", to: base },
  ];
  return (
    <nav aria-label={t("attendance.nav.summary")} className="attendance-nav">
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.to} aria-current={item.key === current ? "page" : undefined}>
              {t(`attendance.nav.${item.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
