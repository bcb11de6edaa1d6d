import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import type { AttendanceStatus } from "../../db/schema";
import { AttendanceNav, SessionLabel } from "../components/attendance-nav";
import { AssistedRegistrationForm } from "../components/assisted-registration-form";
import { SessionPrintLinks } from "../components/session-print-links";
import { identityQuestion, type IdentityQuestion } from "../forms/identity-questions.server";
import { Field } from "../components/field";
import { useI18n } from "../i18n/use-translation";
import { ROLL_CALL_STATUSES } from "../domain/attendance-rule";
import { rollCallCounts } from "../domain/attendance-counts";
import { listRollCall, saveRollCall, type RollCallEntry } from "../models/attendance.server";
import { registerWalkInPresent } from "../models/walk-in.server";
import { AssistedRegistrationSchema } from "../forms/assisted-registration.server";
import { RollCallMarkSchema } from "../forms/roll-call.server";
import type { FormFailureWith } from "../forms/failure";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { kickOutbox } from "../mail/mailer.server";
import styles from "../styles/attendance.css";
import { requireSessionStaff } from "../auth/workshop.server";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Minka` : "Minka" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop, session } = await requireSessionStaff(request, params);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const everyone = await listRollCall(db, workshop.id, session.id);
  const shown = q ? await listRollCall(db, workshop.id, session.id, q) : everyone;
  const minMinutes = workshop.attendance_min_minutes;
  return {
    workshop: { id: workshop.id, title: workshop.title, timezone: workshop.timezone, country: workshop.country },
    session: { id: session.id, startsAt: session.starts_at },
    q,
    total: everyone.length,
    entries: shown,
    counts: rollCallCounts(everyone, minMinutes),
    minMinutes,
    texts: await pageTexts(request, [
      "attendance",
      "checkin.print",
      "identity",
      "people.birthYear",
      "people.place",
      "workshops",
    ]),
  };
}

const isStatus = (value: unknown): value is AttendanceStatus => ROLL_CALL_STATUSES.includes(value as AttendanceStatus);

/** The walk-in form's failure, told apart from the roll call's own by `walkIn`. */
type WalkInFailure = FormFailureWith<{ walkIn: true } & Omit<IdentityQuestion, "errors">>;
/** The roll call's own refusals; `walkIn` stays unset so the page's union keeps the two apart. */
type MarksFailure = FormFailureWith<{ walkIn?: undefined }>;

/**
 * "Add a walk-in": the assisted registration of [workshops] (same form, same duplicate checks and
 * verbal consent), then marked present, in one transaction.
 */
async function addWalkIn(form: FormData, access: Awaited<ReturnType<typeof requireSessionStaff>>, here: string) {
  const { user, db, workshop, session } = access;
  const parsed = parseSubmission(AssistedRegistrationSchema, form);
  if (!parsed.ok) return formFailure<WalkInFailure>({ ...parsed, walkIn: true });
  const { values } = parsed;
  const { person } = parsed.data;
  const outcome = await registerWalkInPresent(db, {
    workshopId: workshop.id,
    sessionId: session.id,
    person,
    actorAccountId: user.accountId,
  });
  const question = identityQuestion(outcome, values);
  if (question) return formFailure<WalkInFailure>({ walkIn: true, values, ...question }, 200);
  switch (outcome.kind) {
    case "notOffered":
      return formFailure<WalkInFailure>({
        walkIn: true,
        values,
        errors: { form: { key: "workshops.walkIn.errors.notOffered" } },
      });
    case "needsConsent":
      return formFailure<WalkInFailure>({
        walkIn: true,
        values,
        errors: { consent: { key: "workshops.walkIn.errors.consentRequired" } },
      });
    case "refused":
      return formFailure<WalkInFailure>(
        { walkIn: true, values, errors: { form: { key: "attendance.rollCall.walkInRefused" } } },
        409,
      );
    case "done":
      if (outcome.registration.ok && outcome.registration.mailQueued) kickOutbox();
      return redirect(`${here}?walkIn=${encodeURIComponent(outcome.fullName)}`);
  }
}

/**
 * Without JavaScript the whole list posts at once (`mark-<personId>` = status) and the page
 * comes back with a notice; with JavaScript each tap posts one mark (intent "mark").
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireSessionStaff(request, params);
  const { user, db, workshop, session } = access;
  const form = await request.formData();
  if (form.get("intent") === "walkIn") return addWalkIn(form, access, new URL(request.url).pathname);
  const marks: Array<{ personId: number; status: AttendanceStatus }> = [];
  if (form.get("intent") === "mark") {
    const parsed = parseSubmission(RollCallMarkSchema, form);
    if (!parsed.ok)
      return formFailure<MarksFailure>({ errors: { form: { key: "attendance.rollCall.notOnRoll" } }, values: {} });
    marks.push(parsed.data);
  } else {
    for (const [name, value] of form) {
      const m = /^mark-(\d{1,12})$/.exec(name);
      if (m && isStatus(value)) marks.push({ personId: Number(m[1]), status: value });
    }
    if (marks.length === 0)
      return formFailure<MarksFailure>({ errors: { form: { key: "attendance.rollCall.nothingMarked" } }, values: {} });
  }
  const outcome = await saveRollCall(db, {
    workshopId: workshop.id,
    sessionId: session.id,
    marks,
    actorAccountId: user.accountId,
  });
  if (!outcome.ok)
    return formFailure<MarksFailure>({
      errors: { form: { key: `attendance.rollCall.${outcome.reason}` } },
      values: {},
    });
  if (form.get("intent") === "mark") return { saved: outcome.saved };
  const url = new URL(request.url);
  url.searchParams.set("saved", String(outcome.saved));
  return redirect(`${url.pathname}?${url.searchParams}`);
}

export default function RollCallPage() {
  const { workshop, session, q, total, entries, counts, minMinutes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const walkIn = result && "walkIn" in result && result.walkIn ? result : undefined;
  const refused = result && "errors" in result && !result.walkIn ? result.errors.form : undefined;
  const [searchParams] = useSearchParams();
  const saved = Number(searchParams.get("saved") ?? "");
  const walkedIn = searchParams.get("walkIn");
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("attendance.rollCall.title")}</h1>
      <p>
        <strong>{workshop.title}</strong>
        <br />
        <SessionLabel startsAt={session.startsAt} timeZone={workshop.timezone} />
      </p>
      <AttendanceNav workshopId={workshop.id} sessionId={session.id} current="rollCall" />

      {saved > 0 ? (
        <p className="notice" role="status">
          {t("attendance.rollCall.saved", { count: saved })}
        </p>
      ) : null}
      {walkedIn ? (
        <p className="notice" role="status">
          {t("attendance.rollCall.walkInDone", { name: walkedIn })}
        </p>
      ) : null}
      {refused ? (
        <p className="form-error" role="alert">
          {t(refused.key, refused.vars)}
        </p>
      ) : null}
      <p>
        {t("attendance.rollCall.counts", counts)}
        {counts.presentByMinutes
          ? ` ${t("attendance.rollCall.countsByMinutes", { count: counts.presentByMinutes, minutes: minMinutes })}`
          : null}
        {counts.corrected ? ` ${t("attendance.rollCall.countsCorrected", { count: counts.corrected })}` : null}
      </p>

      <Form method="get" className="roll-search" role="search">
        <Field
          label={t("attendance.rollCall.searchLabel")}
          name="q"
          type="search"
          defaultValue={q}
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t("attendance.rollCall.search")}
        </button>
      </Form>
      {q ? (
        <p>
          {t("attendance.rollCall.showing", { shown: entries.length, total })}{" "}
          <a href="?">{t("attendance.rollCall.showAll")}</a>
        </p>
      ) : null}

      {total === 0 ? (
        <p>{t("attendance.rollCall.empty")}</p>
      ) : entries.length === 0 ? (
        <p>{t("attendance.rollCall.noMatch")}</p>
      ) : null}
      {entries.length > 0 ? (
        <Form method="post" id="roll-call">
          <ul className="roll-list">
            {entries.map((entry) => (
              <RollCallRow key={entry.personId} entry={entry} />
            ))}
          </ul>
          <div className="sticky-save">
            <button type="submit" className="button primary">
              {t("attendance.rollCall.save")}
            </button>
          </div>
        </Form>
      ) : null}

      <section aria-labelledby="walk-in">
        <h2 id="walk-in">{t("attendance.rollCall.addWalkIn")}</h2>
        <p>{t("attendance.rollCall.addWalkInHint")}</p>
        <AssistedRegistrationForm
          action={`/staff/workshops/${workshop.id}/sessions/${session.id}/roll-call`}
          hidden={{ intent: "walkIn", method: "walk_in" }}
          showMethod={false}
          values={walkIn?.values ?? { country: workshop.country ?? "" }}
          errors={walkIn?.errors}
          candidates={walkIn?.candidates}
          confirm={walkIn?.confirm}
          differences={walkIn?.differences}
          submitLabel={t("attendance.rollCall.walkInSubmit")}
        />
      </section>
      <SessionPrintLinks workshopId={workshop.id} sessionId={session.id} />
    </div>
  );
}

/** One person: four big choices. With JavaScript a tap saves at once; without, the list's button saves. */
function RollCallRow({ entry }: { entry: RollCallEntry }) {
  const { t } = useI18n();
  const fetcher = useFetcher<typeof action>();
  const pending = fetcher.formData?.get("status");
  const current = typeof pending === "string" ? pending : entry.status;
  const notes = [
    entry.registrationStatus === "waitlisted" ? t("attendance.rollCall.waitlisted") : null,
    entry.registrationStatus === null || entry.method === "walk_in" ? t("attendance.rollCall.walkIn") : null,
    entry.minutesOnline !== null ? t("attendance.rollCall.minutesOnline", { minutes: entry.minutesOnline }) : null,
    entry.correctedStatus
      ? t("attendance.rollCall.correctedNote", {
          status: t(`attendance.rollCall.statuses.${entry.correctedStatus}`),
        })
      : null,
  ].filter(Boolean);
  const stateId = `mark-state-${entry.personId}`;
  return (
    <li>
      <fieldset aria-describedby={stateId}>
        <legend>{entry.fullName}</legend>
        {notes.length ? <p className="roll-note">{notes.join(" · ")}</p> : null}
        <div className="marks">
          {ROLL_CALL_STATUSES.map((status) => (
            <label key={status} className={`mark ${status}`}>
              <input
                type="radio"
                name={`mark-${entry.personId}`}
                value={status}
                checked={current === status}
                onChange={() =>
                  fetcher.submit({ intent: "mark", personId: String(entry.personId), status }, { method: "post" })
                }
              />
              {t(`attendance.rollCall.statuses.${status}`)}
            </label>
          ))}
        </div>
        <p id={stateId} className="mark-state" aria-live="polite">
          {fetcher.state !== "idle"
            ? t("attendance.rollCall.saving")
            : fetcher.data && "saved" in fetcher.data
              ? t("attendance.rollCall.savedOne")
              : ""}
        </p>
      </fieldset>
    </li>
  );
}
