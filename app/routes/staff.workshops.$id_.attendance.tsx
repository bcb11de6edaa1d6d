import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttendanceNav } from "../components/attendance-nav";
import { Field, RadioGroupField } from "../components/field";
import { minutesFromShare } from "../domain/attendance-rule";
import { AttendanceRuleSchema } from "../forms/attendance-rule.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { timeZoneName } from "../domain/workshop-display";
import { useI18n } from "../i18n/use-translation";
import { setAttendanceThreshold } from "../models/attendance.server";
import { summarizeWorkshopAttendance, type AttendanceCounts } from "../models/attendance-summary.server";
import { listSessions } from "../models/workshop.server";
import styles from "../styles/attendance.css";
import { requireWorkshopStaff } from "../auth/workshop.server";
import { formatShortDate, formatTime } from "../utils/dates";
import { TableScroll } from "../components/table-scroll";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Minka` : "Minka" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop } = await requireWorkshopStaff(request, params);
  const summary = await summarizeWorkshopAttendance(db, workshop.id);
  return {
    workshop: { id: workshop.id, title: workshop.title, timezone: workshop.timezone },
    minMinutes: summary.minMinutes,
    overall: summary.overall,
    sessions: summary.sessions,
    texts: await pageTexts(request, ["attendance", "workshops"]),
  };
}

/** Sets the minutes online that count as attending; a share of the session is converted to minutes here. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, workshop } = await requireWorkshopStaff(request, params);
  const parsed = await parseSubmission(AttendanceRuleSchema, request);
  if (!parsed.ok) return formFailure(parsed);
  const { kind, amount } = parsed.data;
  let minutes: number | null = amount;
  if (kind === "percent") {
    const sessions = await listSessions(db, workshop.id);
    minutes = minutesFromShare(
      amount,
      sessions.map((s) => (Date.parse(s.ends_at) - Date.parse(s.starts_at)) / 60_000),
    );
  }
  if (minutes === null)
    return formFailure({ errors: { amount: { key: "attendance.rule.errors.noSessions" } }, values: parsed.values });
  await setAttendanceThreshold(db, { workshopId: workshop.id, minutes, actorAccountId: user.accountId });
  return redirect(`/staff/workshops/${workshop.id}/attendance?rule=${minutes}`);
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
  const failure = useActionData<typeof action>();
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
      {searchParams.get("rule") ? (
        <p className="notice" role="status">
          {t("attendance.rule.saved", { minutes: minMinutes })}
        </p>
      ) : null}

      <section aria-labelledby="rule">
        <h2 id="rule">{t("attendance.rule.title")}</h2>
        <p>{t("attendance.rule.text", { minutes: minMinutes })}</p>
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

      <section aria-labelledby="change-rule" className="narrow">
        <h2 id="change-rule">{t("attendance.rule.change")}</h2>
        <Form method="post" noValidate>
          <RadioGroupField
            legend={t("attendance.rule.kind")}
            error={failure?.errors.kind}
            name="kind"
            defaultValue={failure?.values.kind === "percent" ? "percent" : "minutes"}
            choices={(["minutes", "percent"] as const).map((kind) => ({
              value: kind,
              label: t(`attendance.rule.${kind}`),
            }))}
          />
          <Field
            label={t("attendance.rule.amount")}
            hint={t("attendance.rule.amountHint")}
            name="amount"
            inputMode="numeric"
            defaultValue={failure?.values.amount ?? String(minMinutes)}
            error={failure?.errors.amount}
            required
          />
          <button type="submit" className="button primary">
            {t("attendance.rule.save")}
          </button>
        </Form>
      </section>
    </div>
  );
}
