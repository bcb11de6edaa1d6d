import type { ReactNode } from "react";
import { useLesson } from "./context";

/** The few ideas to remember from a lesson, usually a short list. */
export function KeyPoints({ children }: { children: ReactNode }) {
  const { t } = useLesson();
  return (
    <section className="key-points">
      <h2>{t("courses.keyPoints")}</h2>
      {children}
    </section>
  );
}
