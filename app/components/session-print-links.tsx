import { useI18n } from "../i18n/use-translation";

/** The session's printouts: the QR check-in poster and the sign-in sheet (plain links: they are PDFs). */
export function SessionPrintLinks({ workshopId, sessionId }: { workshopId: number; sessionId: number }) {
  const { t } = useI18n();
  const base = `/staff/workshops/${workshopId}/sessions/${sessionId}`;
  return (
    <section aria-labelledby="session-print">
      <h2 id="session-print">{t("checkin.print.title")}</h2>
      <p>{t("checkin.print.hint")}</p>
      <ul>
        <li>
          <a href={`${base}/poster.pdf`}>{t("checkin.print.poster")}</a>
        </li>
        <li>
          <a href={`${base}/sign-in-sheet.pdf`}>{t("checkin.print.sheet")}</a>
        </li>
      </ul>
    </section>
  );
}
