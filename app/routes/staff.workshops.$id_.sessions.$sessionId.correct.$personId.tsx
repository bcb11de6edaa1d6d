import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SessionLabel } from "../components/attendance-nav";
import { Field, FormErrorSummary, RadioGroupField } from "../components/field";
import { idParam, requireSessionStaff } from "../auth/workshop.server";
import {
  AttendanceCorrectionSchema,
  CORRECTED_MINUTES_MAX,
  CORRECTION_REASON_MAX,
} from "../forms/attendance-correction.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";
import { useI18n } from "../i18n/use-translation";
import { correctAttendance, findMarkForCorrection } from "../models/attendance-correction.server";
import styles from "../styles/attendance.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "attendance.correct.pageTitle") }];

/**
 * GET/POST /staff/workshops/:id/sessions/:sessionId/correct/:personId — staff of this workshop
 * correct one person's attendance at one session by hand, with a reason (docs/decisions/023).
 * The person must already be on this workshop (registered in any state, or with attendance): else 404.
 * A plain form: works without JavaScript.
 */
async function access(request: Request, params: LoaderFunctionArgs["params"]) {
  const staff = await requireSessionStaff(request, params);
  const mark = await findMarkForCorrection(staff.db, {
    workshopId: staff.workshop.id,
    sessionId: staff.session.id,
    personId: idParam(params.personId),
  });
  if (!mark) throw new Response("Not found", { status: 404 });
  return { ...staff, mark };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop, session, mark } = await access(request, params);
  return {
    workshop: { id: workshop.id, title: workshop.title, timezone: workshop.timezone },
    session: { id: session.id, startsAt: session.starts_at },
    minMinutes: workshop.attendance_min_minutes,
    mark,
    texts: await pageTexts(request, [
      "attendance",
      "workshops.sessionWhen",
      "workshops.startsWhen",
      "workshops.timeZone",
    ]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, workshop, session, mark } = await access(request, params);
  const parsed = await parseSubmission(AttendanceCorrectionSchema, request);
  if (!parsed.ok) return formFailure(parsed);
  const { status, minutes, reason } = parsed.data;
  const outcome = await correctAttendance(db, {
    workshopId: workshop.id,
    sessionId: session.id,
    personId: mark.personId,
    correctedStatus: status === "minutes" ? null : status,
    correctedMinutes: minutes,
    reason,
    actorAccountId: user.accountId,
  });
  if (!outcome.ok) throw new Response("Not found", { status: 404 });
  return redirect(`/staff/workshops/${workshop.id}/attendance?corrected=1#people`);
}

export default function CorrectAttendancePage() {
  const { workshop, session, minMinutes, mark } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = failure?.errors;
  const values = failure?.values ?? {
    status: mark.correctedStatus ?? "minutes",
    minutes: mark.correctedMinutes === null ? "" : String(mark.correctedMinutes),
    reason: mark.correctionReason ?? "",
  };
  const c = "attendance.correct" as const;
  const recorded = [
    mark.status ? t(`${c}.rollCallMark`, { mark: t(`attendance.rollCall.statuses.${mark.status}`) }) : t(`${c}.noMark`),
    mark.minutesOnline === null ? t(`${c}.noMinutes`) : t(`${c}.importedMinutes`, { minutes: mark.minutesOnline }),
  ].join(" ");
  return (
    <div className="narrow">
      <h1>{t(`${c}.title`, { name: mark.fullName })}</h1>
      <p>
        <strong>{workshop.title}</strong>
        <br />
        <SessionLabel startsAt={session.startsAt} timeZone={workshop.timezone} />
      </p>
      <p>{recorded}</p>
      <p>
        {t(mark.attended ? `${c}.countsAttended` : `${c}.countsNot`)}
        {mark.correctionReason ? ` ${t(`${c}.correctedBecause`, { reason: mark.correctionReason })}` : null}
      </p>
      <FormErrorSummary show={Boolean(errors && Object.keys(errors).length)} message={errors?.form} />
      <Form method="post" noValidate className="stack">
        <RadioGroupField
          legend={t(`${c}.statusLegend`)}
          name="status"
          defaultValue={values.status}
          error={errors?.status}
          choices={(["present", "absent", "minutes"] as const).map((value) => ({
            value,
            label: t(`${c}.statuses.${value}`, { minutes: minMinutes }),
          }))}
        />
        <Field
          label={t(`${c}.minutes`)}
          hint={
            mark.minutesOnline === null
              ? t(`${c}.minutesHintNone`, { max: CORRECTED_MINUTES_MAX })
              : t(`${c}.minutesHint`, { minutes: mark.minutesOnline, max: CORRECTED_MINUTES_MAX })
          }
          name="minutes"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values.minutes}
          error={errors?.minutes}
        />
        <Field
          label={t(`${c}.reason`)}
          hint={t(`${c}.reasonHint`, { max: CORRECTION_REASON_MAX })}
          name="reason"
          autoComplete="off"
          maxLength={CORRECTION_REASON_MAX}
          defaultValue={values.reason}
          error={errors?.reason}
          required
        />
        <button type="submit" className="button primary">
          {t(`${c}.submit`)}
        </button>
      </Form>
      <p>
        <Link to={`/staff/workshops/${workshop.id}/attendance#people`}>{t(`${c}.back`)}</Link>
      </p>
    </div>
  );
}
