import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, Field, FormErrorSummary } from "../components/field";
import { PlaceFields } from "../components/place-fields";
import { EnrolSchema } from "../forms/enrol-person.server";
import { useI18n } from "../i18n/use-translation";
import type { Msg } from "../i18n/keys";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { findLearningCourse } from "../models/course-outline.server";
import { enrolByStaff } from "../models/staff-enrolment.server";
import styles from "../styles/learning.css";
import { requireRole } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { NAME_MAX } from "../domain/limits";
import { CandidateSummary } from "../components/person-candidate";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

async function staffCourse(request: Request, slug: string | undefined) {
  const staff = await requireRole(request, "facilitator");
  const course = await findLearningCourse(await getDb(), slug ?? "");
  if (!course || !course.open) throw new Response("Not found", { status: 404 });
  return { staff, course };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { course } = await staffCourse(request, params.course);
  return {
    course: { slug: course.slug, title: course.title },
    texts: await pageTexts(request, [
      "identity.candidate",
      "identity.confirm",
      "learning.enrolOne",
      "people.birthYear",
      "people.place",
    ]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, course } = await staffCourse(request, params.course);
  const parsed = await parseSubmission(EnrolSchema, request);
  if (!parsed.ok) return formFailure(parsed);
  const { data: input, values } = parsed;
  const result = await enrolByStaff(await getDb(), {
    courseId: course.id,
    staffAccountId: staff.accountId,
    mode: input.intent,
    chosenPersonId: input.personId,
    fullName: input.fullName,
    email: input.email,
    phone: input.phone,
    country: input.country,
    region: input.region,
    consentGiven: input.consent === "on",
  });
  if (result.kind === "consentRequired") {
    return formFailure({ errors: { consent: { key: "learning.enrolOne.errors.consentRequired" } }, values });
  }
  if (result.kind === "notOffered") {
    return formFailure({ errors: { form: { key: "learning.enrolOne.errors.notOffered" } }, values });
  }
  if (result.kind === "similar") return { kind: "similar" as const, candidates: result.candidates, values };
  if (result.kind === "confirm")
    return { kind: "confirm" as const, person: result.person, matchedBy: result.matchedBy, values };
  const message: Msg = { key: `learning.enrolOne.done.${result.outcome}`, vars: { name: result.fullName } };
  return { kind: "done" as const, message };
}

export default function StaffEnrolOne() {
  const { course } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values: Record<string, string> = (result && "values" in result ? result.values : undefined) ?? {};
  const done = result && "kind" in result && result.kind === "done" ? result : undefined;
  const similar = result && "kind" in result && result.kind === "similar" ? result : undefined;
  const confirm = result && "kind" in result && result.kind === "confirm" ? result : undefined;
  return (
    <div className="narrow">
      <p>
        <Link to={`/staff/courses/${course.slug}`}>{course.title}</Link>
      </p>
      <h1>{t("learning.enrolOne.title", { course: course.title })}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(done.message.key, done.message.vars)}
        </p>
      ) : null}
      {confirm ? (
        <section aria-labelledby="confirm">
          <h2 id="confirm">
            {t(confirm.matchedBy === "email" ? "identity.confirm.emailOf" : "identity.confirm.phoneOf", {
              name: confirm.person.fullName,
            })}{" "}
            {t(
              confirm.person.sex === "female"
                ? "identity.confirm.female"
                : confirm.person.sex === "male"
                  ? "identity.confirm.male"
                  : "identity.confirm.unknown",
            )}
          </h2>
          <p>
            <CandidateSummary candidate={confirm.person} />
          </p>
          <Form method="post">
            {(["fullName", "email", "phone", "consent"] as const).map((name) =>
              confirm.values[name] ? <input key={name} type="hidden" name={name} value={confirm.values[name]} /> : null,
            )}
            <input type="hidden" name="intent" value="choose" />
            <input type="hidden" name="personId" value={confirm.person.id} />
            <button type="submit" className="button primary">
              {t("identity.confirm.yes", { name: confirm.person.fullName })}
            </button>
          </Form>
          <Form method="post">
            {(["fullName", "email", "phone", "consent"] as const).map((name) =>
              confirm.values[name] ? <input key={name} type="hidden" name={name} value={confirm.values[name]} /> : null,
            )}
            <input type="hidden" name="intent" value="create" />
            <button type="submit" className="button">
              {t("identity.confirm.no")}
            </button>
          </Form>
        </section>
      ) : similar ? (
        <section aria-labelledby="similar">
          <h2 id="similar">{t("learning.enrolOne.similarTitle")}</h2>
          <p>{t("learning.enrolOne.similarIntro")}</p>
          <ul>
            {similar.candidates.map((candidate) => (
              <li key={candidate.id}>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="choose" />
                  <input type="hidden" name="personId" value={candidate.id} />
                  <input type="hidden" name="fullName" value={candidate.fullName} />
                  <button type="submit" className="button">
                    {t("learning.enrolOne.choose", { name: candidate.fullName })}
                  </button>{" "}
                  <CandidateSummary candidate={candidate} />
                </Form>
              </li>
            ))}
          </ul>
          <Form method="post">
            {(["fullName", "email", "phone", "country", "region", "consent"] as const).map((name) =>
              values[name] ? <input key={name} type="hidden" name={name} value={values[name]} /> : null,
            )}
            <input type="hidden" name="intent" value="create" />
            <button type="submit" className="button primary">
              {t("learning.enrolOne.createNew")}
            </button>
          </Form>
        </section>
      ) : (
        <>
          <p>{t("learning.enrolOne.intro")}</p>
          <Form method="post" noValidate key={done ? "again" : "form"}>
            <FormErrorSummary show={Boolean(errors)} message={errors?.form} />
            <Field
              label={t("learning.enrolOne.fullName")}
              name="fullName"
              defaultValue={values.fullName}
              error={errors?.fullName}
              maxLength={NAME_MAX}
              required
            />
            <Field
              label={t("learning.enrolOne.email")}
              hint={t("learning.enrolOne.contactHint")}
              name="email"
              type="email"
              defaultValue={values.email}
              error={errors?.email}
            />
            <Field
              label={t("learning.enrolOne.phone")}
              name="phone"
              type="tel"
              defaultValue={values.phone}
              error={errors?.phone}
            />
            <PlaceFields values={values} errors={errors} />
            <CheckboxField
              label={t("learning.enrolOne.consent")}
              name="consent"
              defaultChecked={values.consent === "on"}
              error={errors?.consent}
            />
            <button type="submit" className="button primary">
              {t("learning.enrolOne.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
