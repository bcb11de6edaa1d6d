import { useI18n } from "../i18n/use-translation";

/**
 * "Compartir por WhatsApp": a plain link to wa.me (opens the app or WhatsApp Web), so it works
 * without JavaScript; the message was built on the server (`app/domain/share-text.server.ts`).
 */
export function WhatsAppLink({ href }: { href: string }) {
  const { t } = useI18n();
  return (
    <a className="button share-whatsapp" href={href} target="_blank" rel="noopener noreferrer">
      {t("exports.share.whatsapp")}
    </a>
  );
}
