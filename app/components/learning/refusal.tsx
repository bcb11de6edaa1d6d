import { Link, useActionData } from "@remix-run/react";
import { useI18n } from "../../i18n/use-translation";
import type { CompleteLessonResult } from "../../models/completion.server";

type Reason = Extract<CompleteLessonResult, { ok: false }>["reason"];

/** What a learning form shows when it was refused without JavaScript: the reason in plain words. */
export function LearningRefusal() {
  const result = useActionData<{ reason?: Reason }>();
  const { t } = useI18n();
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
