import type { T } from "../i18n/keys";

/** "45 minutos", "1 h 30 min". */
export function formatMinutes(t: T, minutes: number): string {
  if (minutes < 60) return t("courses.duration.minutes", { count: minutes });
  return t("courses.duration.hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

export function LessonKind({ kind, t }: { kind: "text" | "video"; t: T }) {
  return (
    <span className={`lesson-kind lesson-kind-${kind}`}>
      {kind === "video" ? t("courses.course.kindVideo") : t("courses.course.kindText")}
    </span>
  );
}
