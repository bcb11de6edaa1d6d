import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import type { PersonOption, ReviewItem } from "../domain/attendance-review";
import { chosenValue, remainingAsNew } from "../domain/attendance-review-choices";
import { NAME_MAX } from "../domain/limits";
import type { RowProblem } from "../domain/attendance-import/types";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import { ErrorList } from "./field";
import { formatShortDate } from "../utils/dates";
import { PlaceFields } from "./place-fields";

/**
 * The review of an uploaded report: one question per participant, all in one plain form.
 * Recognised people are collapsed behind "Cambiar" (a <details>, no JavaScript needed).
 */
export function ImportReview({
  items,
  people,
  registered,
  problems,
  errors,
  values,
  uploadId,
  defaultCountry,
}: {
  items: ReviewItem[];
  people: Record<number, PersonOption>;
  registered: PersonOption[];
  problems: RowProblem[];
  errors: Record<string, Msg>;
  values: Record<string, string>;
  uploadId: number;
  defaultCountry: string;
}) {
  const { t } = useI18n();
  const groups = (["matched", "probable", "unmatched"] as const).map((kind) => ({
    kind,
    items: items.filter((item) => item.match.kind === kind),
  }));
  const errorCount = items.filter((item) => errors[item.participant.key]).length;
  // Counted on the server for the page as sent; with JavaScript, kept up to date as staff choose.
  const [remaining, setRemaining] = useState(() => remainingAsNew(items, values).length);
  const recount = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const chosen = Object.fromEntries(
      items.map((item) => [`d-${item.participant.key}`, String(form.get(`d-${item.participant.key}`) ?? "")]),
    );
    setRemaining(remainingAsNew(items, chosen).length);
  };
  return (
    <>
      <p>
        {t("attendance.review.summary", {
          total: items.length,
          matched: groups[0].items.length,
          probable: groups[1].items.length,
          unmatched: groups[2].items.length,
        })}
      </p>
      {problems.length > 0 ? (
        <details className="warning">
          <summary>{t("attendance.review.problemsTitle", { count: problems.length })}</summary>
          <ul>
            {problems.map((p, index) => (
              <li key={index}>{t(`attendance.review.problems.${p.code}`, { line: p.line, value: p.value ?? "" })}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <Form method="post" noValidate onChange={recount}>
        <input type="hidden" name="uploadId" value={uploadId} />
        {errorCount > 0 ? (
          <p className="form-error" role="alert">
            {t("attendance.review.errorsTitle", { count: errorCount })}
          </p>
        ) : null}
        {errors.country || errors.region ? (
          <p className="form-error" role="alert">
            {t("attendance.review.placeProblem")}
          </p>
        ) : null}
        {groups.map((group) =>
          group.items.length === 0 ? null : (
            <section key={group.kind} aria-labelledby={`review-${group.kind}`}>
              <h2 id={`review-${group.kind}`}>{t(`attendance.review.${group.kind}Title`)}</h2>
              <ul className="review-list">
                {group.items.map((item) => (
                  <li key={item.participant.key}>
                    <Decision
                      item={item}
                      people={people}
                      registered={registered}
                      error={errors[item.participant.key]}
                      values={values}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ),
        )}
        <fieldset>
          <legend>{t("attendance.review.newPeoplePlace")}</legend>
          <p>{t("attendance.review.newPeoplePlaceHint")}</p>
          <PlaceFields
            values={{ country: values.country ?? defaultCountry, region: values.region }}
            errors={{ country: errors.country, region: errors.region }}
          />
        </fieldset>
        {/* The first submit button is the one Enter presses: saving, never "add everyone as new". */}
        <div className="actions-row">
          <button type="submit" name="intent" value="confirm" className="button primary">
            {t("attendance.review.confirm")}
          </button>
        </div>
        {remaining > 0 ? (
          <div className="actions-row">
            <button
              type="submit"
              name="intent"
              value="newForRest"
              className="button"
              aria-describedby="add-remaining-hint"
            >
              {t("attendance.review.addRemaining", { count: remaining })}
            </button>
            <p id="add-remaining-hint" className="hint">
              {t("attendance.review.addRemainingHint")}
            </p>
          </div>
        ) : null}
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="discard" />
        <input type="hidden" name="uploadId" value={uploadId} />
        <button type="submit" className="button">
          {t("attendance.review.discard")}
        </button>
      </Form>
    </>
  );
}

function Decision({
  item,
  people,
  registered,
  error,
  values,
}: {
  item: ReviewItem;
  people: Record<number, PersonOption>;
  registered: PersonOption[];
  error?: Msg;
  values: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  // Namesakes are told apart by their details and their latest workshop (docs/decisions/013).
  const describe = (person: PersonOption) =>
    [
      ...person.details,
      person.lastWorkshop
        ? t("identity.candidate.lastWorkshop", {
            title: person.lastWorkshop.title,
            date: formatShortDate(person.lastWorkshop.startsAt, locale, person.lastWorkshop.timezone),
          })
        : null,
    ].filter(Boolean);
  const { participant, match } = item;
  const field = `d-${participant.key}`;
  const chosen = chosenValue(item, values);
  const candidateIds = match.kind === "matched" ? [match.personId] : match.kind === "probable" ? match.candidates : [];
  const id = (suffix: string) => `${field}-${suffix}`;
  const details = [
    ...item.timeOnline.map((line) => t(line.key, line.vars)),
    participant.email ?? participant.phone,
    participant.role === "host"
      ? t("attendance.review.host")
      : participant.role === "panelist"
        ? t("attendance.review.panelist")
        : null,
    item.guestLabel ? t("attendance.review.guest") : null,
  ].filter(Boolean);
  const options = (
    <>
      {candidateIds.map((personId) => {
        const person = people[personId];
        if (!person) return null;
        return (
          <div className="choice" key={personId}>
            <input
              type="radio"
              id={id(`p${personId}`)}
              name={field}
              value={`person:${personId}`}
              defaultChecked={chosen === `person:${personId}`}
            />
            <label htmlFor={id(`p${personId}`)}>
              {t("attendance.review.isPerson", { name: person.fullName })}
              {" · "}
              {[
                person.registered ? t("attendance.review.registered") : t("attendance.review.notRegistered"),
                ...describe(person),
              ].join(" · ")}
            </label>
          </div>
        );
      })}
      {match.kind !== "matched" ? (
        <>
          <div className="choice">
            <input type="radio" id={id("new")} name={field} value="new" defaultChecked={chosen === "new"} />
            <div>
              <label htmlFor={id("new")}>{t("attendance.review.newPerson")}</label>
              <br />
              {/* Read only when "new" is chosen; starts as the participant's best name so staff can correct it. */}
              <input
                type="text"
                name={`name-${participant.key}`}
                aria-label={t("attendance.review.newPersonName")}
                maxLength={NAME_MAX}
                autoComplete="off"
                defaultValue={values[`name-${participant.key}`] ?? participant.name}
              />
            </div>
          </div>
          {registered.length > 0 ? (
            <div className="choice">
              <input type="radio" id={id("link")} name={field} value="link" defaultChecked={chosen === "link"} />
              <div>
                <label htmlFor={id("link")}>{t("attendance.review.linkTo")}</label>
                <br />
                <select
                  name={`link-${participant.key}`}
                  aria-label={t("attendance.review.linkChoose")}
                  defaultValue={values[`link-${participant.key}`] ?? ""}
                >
                  <option value="">{t("attendance.review.linkChoose")}</option>
                  {registered.map((person) => (
                    <option key={person.id} value={`person:${person.id}`}>
                      {[person.fullName, ...describe(person)].join(" · ")}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ) : null}
        </>
      ) : null}
      <div className="choice">
        <input type="radio" id={id("ignore")} name={field} value="ignore" defaultChecked={chosen === "ignore"} />
        <label htmlFor={id("ignore")}>{t("attendance.review.ignore")}</label>
      </div>
    </>
  );
  const errorId = `${field}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend>{t("attendance.review.decisionFor", { name: participant.name })}</legend>
      <p className="review-details">
        {details.join(" · ")}
        {participant.otherNames.length ? (
          <>
            <br />
            {t("attendance.review.alsoCalled", { names: participant.otherNames.join(", ") })}
          </>
        ) : null}
      </p>
      <ErrorList id={errorId} errors={error} />
      {match.kind === "matched" && !error ? (
        <>
          <p>
            {chosen === "ignore"
              ? t("attendance.review.ignore")
              : `${t("attendance.review.isPerson", { name: people[match.personId]?.fullName ?? "" })} (${t(`attendance.review.by.${match.by}`)})`}
          </p>
          <details>
            <summary>{t("attendance.review.change")}</summary>
            {options}
          </details>
        </>
      ) : (
        options
      )}
    </fieldset>
  );
}
