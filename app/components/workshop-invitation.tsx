import { useI18n } from "../i18n/use-translation";
import { TextareaField } from "./field";
import { WhatsAppLink } from "./whatsapp-link";

/**
 * The staff workshop page's invitation for a cooperative's group: the text to copy (read-only, so
 * a stray key cannot change it) and the same text on WhatsApp. Built on the server with APP_URL.
 */
export function WorkshopInvitation({ text, href }: { text: string; href: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="invitation-heading">
      <h2 id="invitation-heading">{t("exports.share.invitation.title")}</h2>
      <p>{t("exports.share.invitation.intro")}</p>
      <TextareaField
        label={t("exports.share.invitation.label")}
        name="invitation"
        readOnly
        rows={text.split("\n").length + 1}
        defaultValue={text}
      />
      <p className="actions">
        <WhatsAppLink href={href} />
      </p>
    </section>
  );
}
