import { useI18n } from "../i18n/use-translation";

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>{t("common.footer.about")}</p>
      <p>{t("common.footer.privacy")}</p>
    </footer>
  );
}
