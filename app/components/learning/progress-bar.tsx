import { useId } from "react";
import { useI18n } from "../../i18n/use-translation";

/** "Lleva 2 de 4 lecciones obligatorias: 50 %" and a bar; the sentence is the accessible name. */
export function ProgressBar({ done, total, percent }: { done: number; total: number; percent: number }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="progress">
      <p id={id} className="progress-text">
        {t("learning.progress.summary", { done, count: total, percent })}
      </p>
      <progress className="progress-bar" aria-labelledby={id} value={percent} max={100}>
        {percent} %
      </progress>
    </div>
  );
}
