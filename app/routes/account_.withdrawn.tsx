import { useI18n } from "../i18n/use-translation";

export default function ConsentWithdrawn() {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("privacy.yourData.withdrawTitle")}</h1>
      <p className="notice" role="status">
        {t("privacy.yourData.withdrawn")}
      </p>
    </div>
  );
}
