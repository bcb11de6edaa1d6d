import { useI18n } from "../i18n/use-translation";
import { textsLoader } from "../i18n/page-texts.server";

export const loader = textsLoader(["privacy.yourData"]);

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
