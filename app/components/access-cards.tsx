import { Form } from "@remix-run/react";
import type { CardListing } from "../models/access-card.server";
import { Field } from "./field";
import { useI18n } from "../i18n/use-translation";
import { formatDateTime, formatShortDate } from "../utils/dates";

/** What `?card=` on the person page reports after the access-card route sent staff back. */
export const STAFF_CARD_NOTICES = ["revoked", "staffAccount", "noAccount", "erased", "invalid"] as const;
export type StaffCardNotice = (typeof STAFF_CARD_NOTICES)[number];

/**
 * The person page's access-card section (issue #21): print a sheet of new cards for a member
 * account, see the active ones and revoke any. The print form is a plain document post: its answer
 * is the PDF, which the browser downloads, with or without JavaScript.
 */
export function StaffAccessCards({
  personId,
  cards,
  notice,
}: {
  personId: number;
  cards: CardListing[];
  notice: StaffCardNotice | null;
}) {
  const { t, locale } = useI18n();
  const action = `/staff/people/${personId}/access-card`;
  return (
    <section aria-labelledby="access-card" className="access-cards">
      <h2 id="access-card">{t("access.staff.title")}</h2>
      {notice === "revoked" ? (
        <p className="notice" role="status">
          {t("access.staff.revoked")}
        </p>
      ) : notice && notice !== "invalid" ? (
        <p className="form-error" role="alert">
          {t(`access.staff.${notice}`)}
        </p>
      ) : null}
      <p>{t("access.staff.intro")}</p>
      <Form method="post" action={action} reloadDocument>
        <Field
          label={t("access.staff.copies")}
          hint={t("access.staff.copiesHint")}
          name="copies"
          type="number"
          inputMode="numeric"
          min={1}
          max={8}
          defaultValue="1"
        />
        <button type="submit" className="button primary">
          {t("access.staff.print")}
        </button>
      </Form>
      <h3>{t("access.staff.active")}</h3>
      {cards.length === 0 ? (
        <p>{t("access.staff.none")}</p>
      ) : (
        <ul>
          {cards.map((card) => (
            <li key={card.id}>
              <p>
                {t("access.staff.cardLine", { number: card.id, date: formatShortDate(card.createdAt, locale) })}.{" "}
                {card.lastUsedAt
                  ? t("access.staff.lastUsed", { date: formatDateTime(card.lastUsedAt, locale) })
                  : t("access.staff.neverUsed")}
                . {t("access.staff.devices", { count: card.devices.length })}.
              </p>
              <Form method="post" action={action}>
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="card" value={card.id} />
                <button type="submit" className="button">
                  {t("access.staff.revoke")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
