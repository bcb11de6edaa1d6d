import { Link } from "@remix-run/react";
import type { personHistory } from "../models/person-record.server";
import { useI18n } from "../i18n/use-translation";
import { formatDateTime, formatShortDate } from "../utils/dates";
import { TableScroll } from "./table-scroll";

export type PersonHistoryData = Awaited<ReturnType<typeof personHistory>>;

/** A person's registrations, attendance (with minutes online and hand corrections), courses and certificates, for staff. */
export function PersonHistory({ history }: { history: PersonHistoryData }) {
  const { t, locale } = useI18n();
  const p = "people.staff.person" as const;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t(`${p}.history`)}</h2>

      <h3 id="registrations-title">{t(`${p}.registrations`)}</h3>
      {history.registrations.length === 0 ? (
        <p>{t(`${p}.noRegistrations`)}</p>
      ) : (
        <TableScroll labelledBy="registrations-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(`${p}.workshop`)}</th>
                <th scope="col">{t(`${p}.status`)}</th>
                <th scope="col">{t(`${p}.date`)}</th>
              </tr>
            </thead>
            <tbody>
              {history.registrations.map((r) => (
                <tr key={r.workshopId}>
                  <th scope="row">
                    <Link to={`/staff/workshops/${r.workshopId}`}>{r.title}</Link>
                  </th>
                  <td>{t(`workshops.registrationStatus.${r.status}`)}</td>
                  <td>{formatShortDate(r.registeredAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h3 id="attendance-title">{t(`${p}.attendance`)}</h3>
      {history.attendance.length === 0 ? (
        <p>{t(`${p}.noAttendance`)}</p>
      ) : (
        <TableScroll labelledBy="attendance-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(`${p}.workshop`)}</th>
                <th scope="col">{t(`${p}.session`)}</th>
                <th scope="col">{t(`${p}.status`)}</th>
              </tr>
            </thead>
            <tbody>
              {history.attendance.map((a) => (
                <tr key={`${a.workshopId}-${a.startsAt}`}>
                  <th scope="row">{a.title}</th>
                  <td>{formatDateTime(a.startsAt, locale, "medium", a.timezone)}</td>
                  <td>
                    {[
                      a.status ? t(`attendance.rollCall.statuses.${a.status}`) : null,
                      a.minutesOnline !== null ? t(`${p}.minutes`, { count: a.minutesOnline }) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                    {a.correctionReason ? (
                      <>
                        <br />
                        {[
                          a.correctedStatus ? t(`attendance.rollCall.statuses.${a.correctedStatus}`) : null,
                          a.correctedMinutes !== null ? t(`${p}.minutes`, { count: a.correctedMinutes }) : null,
                        ]
                          .filter(Boolean)
                          .join(" · ")}{" "}
                        <small>({t("attendance.summary.correctedByHand", { reason: a.correctionReason })})</small>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h3 id="courses-title">{t(`${p}.courses`)}</h3>
      {history.courses.length === 0 ? (
        <p>{t(`${p}.noCourses`)}</p>
      ) : (
        <TableScroll labelledBy="courses-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(`${p}.course`)}</th>
                <th scope="col">{t(`${p}.date`)}</th>
                <th scope="col">{t(`${p}.status`)}</th>
              </tr>
            </thead>
            <tbody>
              {history.courses.map((c) => (
                <tr key={c.slug}>
                  <th scope="row">
                    <Link to={`/staff/courses/${c.slug}`}>{c.title}</Link>
                  </th>
                  <td>{formatShortDate(c.enrolledAt, locale)}</td>
                  <td>
                    {c.completedAt
                      ? t(`${p}.completed`, { date: formatShortDate(c.completedAt, locale) })
                      : c.leftAt
                        ? t(`${p}.left`)
                        : t(`${p}.inProgress`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h3 id="certificates-title">{t(`${p}.certificates`)}</h3>
      {history.certificates.length === 0 ? (
        <p>{t(`${p}.noCertificates`)}</p>
      ) : (
        <TableScroll labelledBy="certificates-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(`${p}.course`)}</th>
                <th scope="col">{t(`${p}.code`)}</th>
                <th scope="col">{t(`${p}.date`)}</th>
              </tr>
            </thead>
            <tbody>
              {history.certificates.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.courseTitle}</th>
                  <td>
                    <Link to={`/certificates/${c.code}`}>{c.code}</Link>
                  </td>
                  <td>{formatShortDate(c.issuedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
