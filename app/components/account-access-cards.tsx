import { Form } from "@remix-run/react";
import type { CardListing } from "../models/access-card.server";
import { useI18n } from "../i18n/use-translation";
import { formatDateTime, formatShortDate } from "../utils/dates";

/** "Mi cuenta": the member's active cards, the devices each signed in, and a revoke button per card. */
export function AccountAccessCards({ cards, revoked }: { cards: CardListing[]; revoked: boolean }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="access-cards" className="access-cards">
      <h2 id="access-cards">{t("access.account.title")}</h2>
      {revoked ? (
        <p className="notice" role="status">
          {t("access.account.revoked")}
        </p>
      ) : null}
      {cards.length === 0 ? (
        <p>{t("access.account.none")}</p>
      ) : (
        <>
          <p>{t("access.account.intro")}</p>
          <ul>
            {cards.map((card) => (
              <li key={card.id}>
                <p>
                  {t("access.account.cardLine", { number: card.id, date: formatShortDate(card.createdAt, locale) })}
                </p>
                {card.devices.length === 0 ? (
                  <p>{t("access.account.noDevices")}</p>
                ) : (
                  <ul>
                    {card.devices.map((device) => (
                      <li key={device.createdAt}>
                        {t("access.account.device", { date: formatDateTime(device.createdAt, locale) })}
                      </li>
                    ))}
                  </ul>
                )}
                <Form method="post" action="/account/access-cards">
                  <input type="hidden" name="card" value={card.id} />
                  <button type="submit" className="button">
                    {t("access.account.revoke")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
