import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttendanceNav } from "../components/attendance-nav";
import { timeZoneName } from "../domain/workshop-display";
import { useI18n } from "../i18n/use-translation";
import { summarizeWorkshopAttendance, type AttendanceCounts } from "../models/attendance-summary.server";
import styles from "../styles/attendance.css";
import { requireWorkshopStaff } from "../auth/workshop.server";
import { formatShortDate, formatTime } from "../utils/dates";
import { TableScroll } from "../components/table-scroll";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Minka` : "Minka" },
];

/**
 * The workshop's attendance: the rule (set on the workshop form), the counts per session and
 * overall, and each person × session with a link to correct it by hand (docs/decisions/023).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop } = await requireWorkshopStaff(request, params);
  const summary = await summarizeWorkshopAttendance(db, workshop.id);
  return {
    workshop: { id: workshop.id, title: workshop.title, timezone: workshop.timezone },
    minMinutes: summary.minMinutes,
    overall: summary.overall,
    sessions: summary.sessions,
    // Only what the table shows: no contacts.
    people: summary.people.map((p) => ({
      personId: p.personId,
      fullName: p.fullName,
      outcome: p.outcome,
      marks: p.marks,
    })),
    texts: await pageTexts(request, ["attendance", "workshops"]),
  };
}

const COUNTS = [
  "registered",
  "attended",
  "walkIns",
  "noShows",
  "belowMinimum",
  "neverCame",
  "ignored",
] as const satisfies ReadonlyArray<keyof AttendanceCounts>;
/** Who did not come is only known once a session has begun. */
const NOT_YET = new Set<(typeof COUNTS)[number]>(["noShows", "belowMinimum", "neverCame"]);

export default function WorkshopAttendancePage() {
  const { workshop, minMinutes, overall, sessions } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, locale } = useI18n();
  const imported = /^(\d+)\.(\d+)\.(\d+)$/.exec(searchParams.get("imported") ?? "");
  const base = `/staff/workshops/${workshop.id}`;
  return (
    <div>
      <h1>{t("attendance.summary.title", { title: workshop.title })}</h1>
      <AttendanceNav workshopId={workshop.id} current="summary" />
      {imported ? (
        <p className="notice" role="status">
          {t("attendance.review.saved", {
            people: Number(imported[1]),
            newPeople: Number(imported[2]),
            ignored: Number(imported[3]),
          })}
        </p>
      ) : null}
      {searchParams.get("corrected") ? (
        <p className="notice" role="status">
          {t("attendance.correct.saved")}
        </p>
      ) : null}

      <section aria-labelledby="rule">
        <h2 id="rule">{t("attendance.rule.title")}</h2>
        <p>{t("attendance.rule.text", { minutes: minMinutes })}</p>
        <p>{t("attendance.rule.correctionWins")}</p>
        <p>
          <Link to={`${base}/edit`}>{t("attendance.rule.editLink")}</Link>
        </p>
      </section>

      <section aria-labelledby="overall">
        <h2 id="overall">{t("attendance.summary.overall")}</h2>
        <dl className="counts">
          {COUNTS.map((count) => (
            <div key={count}>
              <dt>{t(`attendance.summary.${count}`)}</dt>
              <dd>{overall[count].toLocaleString(locale)}</dd>
            </div>
          ))}
        </dl>
        <p>
          <a href={`${base}/attendance.csv`} className="button" download>
            {t("attendance.summary.download")}
          </a>{" "}
          <a href={`${base}/attendance.csv?format=xlsx`} className="button" download>
            {t("attendance.summary.downloadXlsx")}
          </a>
        </p>
      </section>

      <section aria-labelledby="by-session">
        <h2 id="by-session">{t("attendance.summary.sessionsTitle")}</h2>
        {sessions.length === 0 ? (
          <p>{t("attendance.summary.noSessions")}</p>
        ) : (
          <TableScroll labelledBy="by-session">
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    {t("attendance.summary.sessionColumn")} ({timeZoneName(t, workshop.timezone)})
                  </th>
                  {COUNTS.map((count) => (
                    <th scope="col" key={count}>
                      {t(`attendance.summary.${count}`)}
                    </th>
                  ))}
                  <th scope="col">{t("attendance.summary.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.sessionId}>
                    <th scope="row">
                      {formatShortDate(s.startsAt, locale, workshop.timezone)}{" "}
                      {formatTime(s.startsAt, locale, workshop.timezone)}
                      {s.started ? null : (
                        <>
                          <br />
                          <small>{t("attendance.summary.notStarted")}</small>
                        </>
                      )}
                    </th>
                    {COUNTS.map((count) => (
                      <td key={count}>{NOT_YET.has(count) && !s.started ? "—" : s[count].toLocaleString(locale)}</td>
                    ))}
                    <td>
                      <Link to={`${base}/sessions/${s.sessionId}/roll-call`}>{t("attendance.nav.rollCall")}</Link>
                      <br />
                      <Link to={`${base}/sessions/${s.sessionId}/import`}>{t("attendance.nav.import")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <PeopleTable />
    </div>
  );
}

/** Each person × session: what counts, the minutes that count, a hand correction and its reason, and a link to correct it. */
function PeopleTable() {
  const { workshop, sessions, people } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const s = "attendance.summary" as const;
  const base = `/staff/workshops/${workshop.id}`;
  return (
    <section aria-labelledby="people">
      <h2 id="people">{t(`${s}.peopleTitle`)}</h2>
      {people.length === 0 || sessions.length === 0 ? (
        <p>{t(`${s}.noPeople`)}</p>
      ) : (
        <>
          <p>{t(`${s}.peopleHint`)}</p>
          <TableScroll labelledBy="people">
            <table className="attendance-people">
              <thead>
                <tr>
                  <th scope="col">{t(`${s}.personColumn`)}</th>
                  <th scope="col">{t(`${s}.outcomeColumn`)}</th>
                  {sessions.map((session) => (
                    <th scope="col" key={session.sessionId}>
                      {formatShortDate(session.startsAt, locale, workshop.timezone)}{" "}
                      {formatTime(session.startsAt, locale, workshop.timezone)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.personId}>
                    <th scope="row">
                      <Link to={`/staff/people/${person.personId}`}>{person.fullName}</Link>
                    </th>
                    <td>{t(`${s}.outcomes.${person.outcome}`)}</td>
                    {sessions.map((session, index) => {
                      const mark = person.marks[index];
                      const status = mark?.correctedStatus ?? mark?.status ?? null;
                      const minutes = mark ? (mark.correctedMinutes ?? mark.minutesOnline) : null;
                      const shown = [
                        status ? t(`attendance.rollCall.statuses.${status}`) : null,
                        minutes !== null ? t(`${s}.minutesShort`, { minutes }) : null,
                      ].filter(Boolean);
                      return (
                        <td key={session.sessionId}>
                          {shown.length ? shown.join(" · ") : t(`${s}.notRecorded`)}
                          {mark?.correctionReason ? (
                            <>
                              <br />
                              <small>{t(`${s}.correctedByHand`, { reason: mark.correctionReason })}</small>
                            </>
                          ) : null}
                          <br />
                          <Link
                            to={`${base}/sessions/${session.sessionId}/correct/${person.personId}`}
                            aria-label={t(`${s}.correctLinkLabel`, {
                              name: person.fullName,
                              date: formatShortDate(session.startsAt, locale, workshop.timezone),
                            })}
                          >
                            {t(`${s}.correctLink`)}
                          </Link>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
