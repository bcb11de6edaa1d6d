import { Link, useActionData } from "@remix-run/react";
import type { PageTexts } from "../../i18n/page-texts";
import { useI18n } from "../../i18n/use-translation";
import type { CompleteLessonResult } from "../../models/completion.server";

type Reason = Exclude<Extract<CompleteLessonResult, { ok: false }>["reason"], "clientIdReused">;

/** What a learning form shows when it was refused without JavaScript: the reason in plain words. */
export function LearningRefusal() {
  // The route's loader only redirects: the texts come with the refusal.
  const result = useActionData<{ reason?: Reason; texts?: PageTexts }>();
  const { t } = useI18n(result?.texts);
  return (
    <div className="narrow">
      <h1>{t("learning.me.title")}</h1>
      <p className="form-error" role="alert">
        {t(`learning.refused.${result?.reason ?? "unknownLesson"}`)}
      </p>
      <p>
        <Link to="/me/learning" className="button">
          {t("learning.me.title")}
        </Link>
      </p>
    </div>
  );
}
