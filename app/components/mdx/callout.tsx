import type { ReactNode } from "react";
import { useLesson } from "./context";

const KINDS = ["tip", "warning", "note"] as const;

/** A highlighted box: a tip, a warning or a note. */
export function Callout({
  type = "note",
  title,
  children,
}: {
  type?: (typeof KINDS)[number];
  title?: string;
  children: ReactNode;
}) {
  const { t } = useLesson();
  const kind = KINDS.includes(type) ? type : "note";
  return (
    <aside className={`callout callout-${kind}`}>
      <p className="callout-label">
        <strong>{title ?? t(`courses.callout.${kind}`)}</strong>
      </p>
      {children}
    </aside>
  );
}
