import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormOutcome } from "../components/field";
import { DecisionSchema } from "../forms/duplicate-decision.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { countryName, sexLabel } from "../domain/reach-tables";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import {
  countLikelyDuplicates,
  listLikelyDuplicates,
  markDistinct,
  mergePersons,
  type LedgerPerson,
} from "../models/person-ledger.server";
import styles from "../styles/reach.css";
import { requireRole } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "reports.people.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "manager");
  const db = await getDb();
  return {
    pairs: await listLikelyDuplicates(db),
    waiting: await countLikelyDuplicates(db),
    texts: await pageTexts(request, ["reports"]),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "manager");
  const parsed = await parseSubmission(DecisionSchema, request);
  const refuse = (message: Msg) => formFailure({ errors: { form: message }, values: parsed.values });
  if (!parsed.ok) return refuse({ key: "reports.people.errors.notFound" });
  const { a, b } = parsed.data;
  if (a === b) return refuse({ key: "reports.people.errors.same" });
  const db = await getDb();
  if (parsed.data.intent === "distinct") {
    const done = await markDistinct(db, { personIds: [a, b], actorAccountId: user.accountId });
    return done
      ? { ok: true as const, message: { key: "reports.people.markedDistinct" } as Msg }
      : refuse({ key: "reports.people.errors.notFound" });
  }
  const keep = parsed.data.keep;
  if (keep !== a && keep !== b) return refuse({ key: "reports.people.errors.notFound" });
  const result = await mergePersons(db, { keepId: keep, dropId: keep === a ? b : a, actorAccountId: user.accountId });
  if (!result.ok) return refuse({ key: `reports.people.errors.${result.error}` });
  return { ok: true as const, message: { key: "reports.people.merged", vars: { name: result.name } } as Msg };
}

function PersonCard({ person, n, keepDefault }: { person: LedgerPerson; n: number; keepDefault: boolean }) {
  const { t } = useI18n();
  const none = t("reports.values.notStated");
  return (
    <div className="card">
      <h3>{t("reports.people.person", { n })}</h3>
      <p>
        <strong>{person.full_name}</strong>
      </p>
      <p>
        {t("reports.people.details", {
          sex: sexLabel(person.sex, t),
          year: person.birth_year ? String(person.birth_year) : none,
          country: countryName(person.country, t),
          cooperative: person.cooperative ?? none,
        })}
      </p>
      {person.email || person.phone ? <p>{[person.email, person.phone].filter(Boolean).join(" · ")}</p> : null}
      <p>
        {t("reports.people.activity", {
          registrations: person.registrations,
          attendance: person.attendance,
          enrolments: person.enrolments,
        })}
      </p>
      {person.hasAccount ? <p className="notice">{t("reports.people.hasAccount")}</p> : null}
      <div className="field field-checkbox">
        <div className="checkbox-row">
          <input
            type="radio"
            name="keep"
            value={person.id}
            id={`keep-${person.id}-${n}`}
            defaultChecked={keepDefault}
          />
          <label htmlFor={`keep-${person.id}-${n}`}>{t("reports.people.keep")}</label>
        </div>
      </div>
    </div>
  );
}

export default function PeopleLedger() {
  const { pairs, waiting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="reach-page">
      <h1>{t("reports.people.title")}</h1>
      <p>{t("reports.people.intro")}</p>
      <p>
        <Link to="/reports">{t("reports.people.back")}</Link>
      </p>
      <FormOutcome result={result} />
      <p>{t("reports.people.count", { count: waiting })}</p>
      {pairs.length === 0 ? <p>{t("reports.people.none")}</p> : null}
      {pairs.map((pair) => (
        <section
          key={`${pair.a.id}-${pair.b.id}`}
          className="card reach-duplicate"
          aria-labelledby={`pair-${pair.a.id}-${pair.b.id}`}
        >
          {/* The pair's heading keeps the outline whole: h1, a pair (h2), its two people (h3). */}
          <h2 id={`pair-${pair.a.id}-${pair.b.id}`}>
            {pair.a.full_name} · {pair.b.full_name}
          </h2>
          <p>
            <strong>{t("reports.people.reason")}:</strong>{" "}
            {pair.reasons.map((r) => t(`reports.people.reasons.${r}`)).join(", ")}
          </p>
          <Form method="post">
            <input type="hidden" name="a" value={pair.a.id} />
            <input type="hidden" name="b" value={pair.b.id} />
            <fieldset>
              <legend>{t("reports.people.keep")}</legend>
              <div className="reach-people-pair">
                <PersonCard person={pair.a} n={1} keepDefault={!pair.b.hasAccount} />
                <PersonCard person={pair.b} n={2} keepDefault={pair.b.hasAccount} />
              </div>
            </fieldset>
            <div className="reach-people-actions">
              <button type="submit" name="intent" value="merge" className="button primary">
                {t("reports.people.merge")}
              </button>
              <button type="submit" name="intent" value="distinct" className="button">
                {t("reports.people.distinct")}
              </button>
            </div>
          </Form>
        </section>
      ))}
    </div>
  );
}
