import { useI18n } from "../../i18n/use-translation";

/** "3 de 12" and a bar, while a course downloads; the sentence names the bar. */
export function SaveProgress({ id, done, total }: { id: string; done: number; total: number }) {
  const { t } = useI18n();
  return (
    <div className="progress">
      <p id={id} className="progress-text">
        <span className="visually-hidden">{t("offlineSave.progress.label")}: </span>
        {t("offlineSave.progress.count", { done, total })}
      </p>
      <progress className="progress-bar" aria-labelledby={id} value={done} max={Math.max(total, 1)} />
    </div>
  );
}
