import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { LOCALES, SEXES } from "../../db/schema";
import { mayEditPerson, requirePersonStaff } from "../auth/person.server";
import { Field, FormErrorSummary, SelectField } from "../components/field";
import { PersonHistory } from "../components/person-history";
import { STAFF_CARD_NOTICES, StaffAccessCards, type StaffCardNotice } from "../components/access-cards";
import { listAccessCards, memberAccountOf } from "../models/access-card.server";
import { PlaceFields } from "../components/place-fields";
import { countryName } from "../domain/reach-tables";
import { regionName } from "../domain/regions";
import { hasRole } from "../domain/roles";
import type { FieldErrors, FormFailure } from "../forms/failure";
import type { MessageKey } from "../i18n/keys";
import { PersonRecordSchema } from "../forms/person-record.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { pageTitle } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { likelyDuplicatesOf, personHistory, updatePersonRecord } from "../models/person-record.server";
import styles from "../styles/workshops.css";
import { formatShortDate } from "../utils/dates";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "people.staff.person.title") }];

/**
 * GET/POST /staff/people/:personId — a person's record for staff: details, consent, history, likely
 * duplicates (managers), and a form to correct the facts reports use, audited with before/after.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, person } = await requirePersonStaff(request, params);
  const manager = hasRole(user.role, "manager");
  const [history, duplicates] = await Promise.all([
    personHistory(db, person.id),
    manager && !person.erased_at ? likelyDuplicatesOf(db, person) : Promise.resolve([]),
  ]);
  const cardAccount =
    person.accountRole === "member" && !person.erased_at ? await memberAccountOf(db, person.id) : null;
  const cardNotice = new URL(request.url).searchParams.get("card") as StaffCardNotice | null;
  return {
    person,
    history,
    duplicates,
    manager,
    editable: mayEditPerson(user, person),
    saved: new URL(request.url).searchParams.get("saved") === "1",
    accessCards: cardAccount === null ? null : await listAccessCards(db, cardAccount),
    cardNotice: cardNotice && STAFF_CARD_NOTICES.includes(cardNotice) ? cardNotice : null,
    texts: await pageTexts(request, [
      "access.staff",
      "attendance.rollCall.statuses",
      "attendance.summary.correctedByHand",
      "people",
      "reports.tables",
      "reports.values",
      "workshops.registrationStatus",
    ]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, person } = await requirePersonStaff(request, params);
  if (!mayEditPerson(user, person)) throw new Response("Forbidden", { status: 403 });
  const parsed = await parseSubmission(PersonRecordSchema, request);
  if (!parsed.ok) return formFailure(parsed);
  const { email, phone, ...facts } = parsed.data;
  // A login's e-mail and phone are the account holder's to change, in "Mi cuenta".
  const changes = person.accountRole ? facts : { ...facts, email, phone };
  const result = await updatePersonRecord(db, { personId: person.id, actorAccountId: user.accountId, changes });
  if (!result.ok) {
    const errors: FieldErrors = {};
    if (result.error === "contactTaken") {
      for (const field of result.fields) errors[field] = { key: `people.staff.person.errors.${field}Taken` };
    } else {
      errors.form = { key: "people.staff.person.erased" };
    }
    return formFailure({ errors, values: parsed.values }, result.error === "contactTaken" ? 400 : 409);
  }
  return redirect(`/staff/people/${person.id}?saved=1`);
}

type Person = ReturnType<typeof useLoaderData<typeof loader>>["person"];

function valuesOf(person: Person): Record<string, string> {
  return {
    fullName: person.full_name,
    email: person.email ?? "",
    phone: person.phone ?? "",
    sex: person.sex,
    birthYear: person.birth_year === null ? "" : String(person.birth_year),
    country: person.country ?? "",
    region: person.region ?? "",
    cooperative: person.cooperative ?? "",
    preferredLanguage: person.preferred_language,
  };
}

function Details({ person }: { person: Person }) {
  const { t, locale } = useI18n();
  const none = t("people.staff.person.notStated");
  const consent = person.consent_given_at
    ? t("people.staff.person.consentGiven", {
        date: formatShortDate(person.consent_given_at, locale),
        how: t(
          person.consent_method === "staff" ? "people.staff.person.consentVerbal" : "people.staff.person.consentSelf",
        ),
        version: person.consent_notice_version ?? none,
      })
    : t("people.staff.person.consentNone");
  const contacts = [person.email, person.phone].filter(Boolean).join(" · ");
  return (
    <dl className="person-details">
      <dt>{t("people.staff.person.contacts")}</dt>
      <dd>{contacts || t("people.staff.person.noContact")}</dd>
      <dt>{t("people.staff.person.sex")}</dt>
      <dd>{person.sex === "not_stated" ? none : t(`common.sexes.${person.sex}` as MessageKey)}</dd>
      <dt>{t("people.staff.person.birthYear")}</dt>
      <dd>{person.birth_year ?? none}</dd>
      <dt>{t("people.staff.person.country")}</dt>
      <dd>{person.country ? countryName(person.country, t) : none}</dd>
      <dt>{t("people.staff.person.region")}</dt>
      <dd>{regionName(person.region) ?? person.region ?? none}</dd>
      <dt>{t("people.staff.person.cooperative")}</dt>
      <dd>{person.cooperative ?? none}</dd>
      <dt>{t("people.staff.person.language")}</dt>
      <dd>{t(`people.staff.person.languages.${person.preferred_language}`)}</dd>
      <dt>{t("people.staff.person.consent")}</dt>
      <dd>
        {consent}
        {person.consent_withdrawn_at ? (
          <>
            {" "}
            {t("people.staff.person.consentWithdrawn", { date: formatShortDate(person.consent_withdrawn_at, locale) })}
          </>
        ) : null}
      </dd>
    </dl>
  );
}

function EditForm({ person, failure }: { person: Person; failure?: FormFailure }) {
  const { t } = useI18n();
  const values = failure?.values ?? valuesOf(person);
  const errors = failure?.errors;
  const contactsLocked = person.accountRole !== null;
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t("people.staff.person.edit")}</h2>
      <p>{t("people.staff.person.editHint")}</p>
      <FormErrorSummary show={Boolean(errors && Object.keys(errors).length)} message={errors?.form} />
      <Form method="post" className="stack">
        <Field
          label={t("people.staff.person.fullName")}
          name="fullName"
          defaultValue={values.fullName}
          error={errors?.fullName}
          required
          maxLength={120}
          autoComplete="off"
        />
        {contactsLocked ? (
          <p className="notice">{t("people.staff.person.accountContacts")}</p>
        ) : (
          <>
            <Field
              label={t("people.staff.person.email")}
              name="email"
              type="email"
              defaultValue={values.email}
              error={errors?.email}
              maxLength={254}
              autoComplete="off"
            />
            <Field
              label={t("people.staff.person.phone")}
              hint={t("people.staff.person.phoneHint")}
              name="phone"
              type="tel"
              defaultValue={values.phone}
              error={errors?.phone}
              maxLength={40}
              autoComplete="off"
            />
          </>
        )}
        <SelectField label={t("people.staff.person.sex")} name="sex" defaultValue={values.sex} error={errors?.sex}>
          {SEXES.map((sex) => (
            <option key={sex} value={sex}>
              {t(`common.sexes.${sex}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("people.staff.person.birthYear")}
          name="birthYear"
          inputMode="numeric"
          pattern="[0-9]{4}"
          defaultValue={values.birthYear}
          error={errors?.birthYear}
          maxLength={4}
          autoComplete="off"
        />
        <PlaceFields values={values} errors={errors} />
        <Field
          label={t("people.staff.person.cooperative")}
          name="cooperative"
          defaultValue={values.cooperative}
          error={errors?.cooperative}
          maxLength={200}
          autoComplete="off"
        />
        <SelectField
          label={t("people.staff.person.language")}
          name="preferredLanguage"
          defaultValue={values.preferredLanguage}
          error={errors?.preferredLanguage}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code}>
              {t(`people.staff.person.languages.${code}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button primary">
          {t("people.staff.person.save")}
        </button>
      </Form>
    </section>
  );
}

export default function StaffPerson() {
  const { person, history, duplicates, manager, editable, saved, accessCards, cardNotice } =
    useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <p>
        <Link to="/staff/people">{t("people.staff.person.back")}</Link>
      </p>
      <h1>{person.erased_at ? t("people.staff.directory.erased") : person.full_name}</h1>
      {saved ? (
        <p className="notice" role="status">
          {t("people.staff.person.saved")}
        </p>
      ) : null}
      {person.erased_at ? <p className="notice">{t("people.staff.person.erased")}</p> : null}
      {person.accountRole ? (
        <p>{t("people.staff.person.account", { role: t(`common.roles.${person.accountRole}`) })}</p>
      ) : null}
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("people.staff.person.details")}</h2>
        <Details person={person} />
        {manager && !person.erased_at ? (
          person.accountRole ? (
            <p>{t("people.staff.person.exportAccount")}</p>
          ) : (
            <p className="actions">
              {t("people.staff.person.export")}:{" "}
              <a href={`/staff/people/${person.id}/data?format=xlsx`} download>
                Excel
              </a>{" "}
              ·{" "}
              <a href={`/staff/people/${person.id}/data?format=csv`} download>
                CSV
              </a>{" "}
              ·{" "}
              <a href={`/staff/people/${person.id}/data`} download>
                JSON
              </a>
            </p>
          )
        ) : null}
      </section>
      {duplicates.length > 0 ? (
        <section aria-labelledby="duplicates-title">
          <h2 id="duplicates-title">{t("people.staff.person.duplicates")}</h2>
          <p>{t("people.staff.person.duplicatesIntro")}</p>
          <ul>
            {duplicates.map((other) => (
              <li key={other.id}>
                <Link to={`/staff/people/${other.id}`}>{other.fullName}</Link> (
                {other.reasons.map((r) => t(`people.staff.person.duplicateReasons.${r}`)).join(", ")})
              </li>
            ))}
          </ul>
          <p>
            <Link to="/reports/people" className="button">
              {t("people.staff.person.review")}
            </Link>
          </p>
        </section>
      ) : null}
      {accessCards ? <StaffAccessCards personId={person.id} cards={accessCards} notice={cardNotice} /> : null}
      {editable ? (
        <EditForm person={person} failure={failure} />
      ) : !person.erased_at ? (
        <p>{t("people.staff.person.readOnly")}</p>
      ) : null}
      <PersonHistory history={history} />
    </div>
  );
}
