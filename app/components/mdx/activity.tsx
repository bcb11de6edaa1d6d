import type { ReactNode } from "react";
import { useLesson } from "./context";

/** Something to do away from the screen: talk to the family, count the sacks, visit the market. */
export function Activity({ title, children }: { title?: string; children: ReactNode }) {
  const { t } = useLesson();
  return (
    <section className="activity">
      <h2>
        {t("courses.activity")}
        {title ? `: ${title}` : ""}
      </h2>
      {children}
    </section>
  );
}
