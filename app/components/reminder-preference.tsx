import { Form } from "@remix-run/react";
import { useI18n } from "../i18n/use-translation";

/** The "Mi cuenta" section that turns reminder e-mails off and on again (texts: "mail.preference"). */
export function ReminderPreference({ on, saved }: { on: boolean; saved: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="reminders">
      <h2 id="reminders">{t("mail.preference.title")}</h2>
      {saved ? (
        <p className="notice" role="status">
          {t("mail.preference.saved")}
        </p>
      ) : null}
      <p>{t(on ? "mail.preference.on" : "mail.preference.off")}</p>
      <Form method="post" action="/account/reminders">
        <input type="hidden" name="reminders" value={on ? "off" : "on"} />
        <button type="submit" className="button">
          {t(on ? "mail.preference.turnOff" : "mail.preference.turnOn")}
        </button>
      </Form>
    </section>
  );
}
