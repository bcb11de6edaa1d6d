import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n/use-translation";
import { chosenVideos, formatMegabytes, saveBytes, type CourseManifest } from "../../offline/course-manifest";
import type { SavedCourse } from "../../offline/saved-courses";
import { SaveProgress } from "./save-progress";

type SaveModule = typeof import("../../offline/save-course");
type Problem = { problem: "quota" | "network" | "server"; keptOld: boolean };

/** Saving needs scripts, Cache Storage and IndexedDB (a secure context): otherwise the page stays as it is. */
export function offlineSavingAvailable(): boolean {
  return typeof window !== "undefined" && window.isSecureContext && "caches" in window && "indexedDB" in window;
}

/**
 * "Guardar este curso para leer sin conexión" (docs/decisions/036). Rendered only in the browser,
 * once the page's scripts run and can save: the server and a page without JavaScript show
 * nothing, rather than a button that does nothing. The saving code loads after the page.
 */
export function SaveCourse({ courseSlug }: { courseSlug: string }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const progressId = useId();
  const videosId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [lib, setLib] = useState<SaveModule | null>(null);
  /** undefined while asking the server; null when it cannot answer (offline). */
  const [manifest, setManifest] = useState<CourseManifest | null | undefined>(undefined);
  const [saved, setSaved] = useState<SavedCourse | null>(null);
  const [free, setFree] = useState<number | null>(null);
  const [includeVideos, setIncludeVideos] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [said, setSaid] = useState("");

  useEffect(() => {
    if (!offlineSavingAvailable()) return;
    let current = true;
    void (async () => {
      try {
        const loaded = await import("../../offline/save-course");
        const [record, found, space] = await Promise.all([
          loaded.savedCourse(courseSlug),
          loaded.fetchCourseManifest(courseSlug),
          loaded.freeBytes(),
        ]);
        if (!current) return;
        setLib(loaded);
        setSaved(record);
        setManifest(found);
        setFree(space);
      } catch {
        // The saving code or the browser's storage is unavailable: the page stays as without it.
      }
    })();
    return () => {
      current = false;
    };
  }, [courseSlug]);

  if (!lib) return null;

  const videos = manifest ? chosenVideos(manifest, lib.canPlayVideo) : [];
  const videoBytes = videos.reduce((sum, v) => sum + v.bytes, 0);
  const total = manifest ? saveBytes(manifest, includeVideos ? videos : []) : 0;
  const stale = Boolean(saved && manifest && saved.version !== manifest.version);
  const busy = progress !== null;

  async function save(withVideos: boolean) {
    if (!lib || !manifest) return;
    setProblem(null);
    setSaid("");
    void lib.askPersistenceOnce();
    const keptOld = saved !== null;
    try {
      const record = await lib.saveCourse(manifest, {
        includeVideos: withVideos,
        onProgress: (done, count) => setProgress({ done, total: count }),
      });
      setSaved(record);
    } catch (error) {
      setProblem({ problem: lib.saveProblemOf(error), keptOld });
      setSaved(await lib.savedCourse(courseSlug));
    }
    setProgress(null);
    setFree(await lib.freeBytes());
    heading.current?.focus();
  }

  async function remove() {
    if (!lib) return;
    setProblem(null);
    await lib.removeSavedCourse(courseSlug);
    setSaved(null);
    setSaid(t("offlineSave.course.removed"));
    setFree(await lib.freeBytes());
    heading.current?.focus();
  }

  // Nothing to offer yet: neither saved nor known (the manifest is on its way).
  if (!saved && manifest === undefined) return null;

  return (
    <section className="learning-panel save-course" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t("offlineSave.course.title")}
      </h2>
      {/* What is happening now: the count while saving, then what came of it. */}
      <div aria-live="polite">
        {progress ? (
          <SaveProgress id={progressId} done={progress.done} total={progress.total} />
        ) : saved ? (
          <p className="notice">{t("offlineSave.course.saved", { size: formatMegabytes(saved.bytes, locale) })}</p>
        ) : said ? (
          <p className="notice">{said}</p>
        ) : null}
      </div>
      {saved ? (
        <>
          {stale ? <p>{t("offlineSave.course.stale")}</p> : null}
          <p className="actions">
            {stale ? (
              <button
                type="button"
                className="button primary"
                disabled={busy}
                onClick={() => save(saved.includesVideos)}
              >
                {t("offlineSave.course.update")}
              </button>
            ) : null}{" "}
            <button type="button" className="button" disabled={busy} onClick={remove}>
              {t("offlineSave.course.remove")}
            </button>
          </p>
        </>
      ) : manifest ? (
        <>
          <p className="hint">{t("offlineSave.course.hint")}</p>
          {videoBytes > 0 ? (
            <div className="checkbox-row">
              <input
                type="checkbox"
                id={videosId}
                checked={includeVideos}
                disabled={busy}
                onChange={(event) => setIncludeVideos(event.target.checked)}
              />
              <label htmlFor={videosId}>
                {t("offlineSave.course.includeVideos", { size: formatMegabytes(videoBytes, locale) })}
              </label>
            </div>
          ) : null}
          <p>{t("offlineSave.course.total", { size: formatMegabytes(total, locale) })}</p>
          {free !== null && total > free ? (
            <p className="form-error">
              {t("offlineSave.course.noRoom", {
                size: formatMegabytes(total, locale),
                free: formatMegabytes(free, locale),
              })}
            </p>
          ) : null}
          <button type="button" className="button primary" disabled={busy} onClick={() => save(includeVideos)}>
            {t("offlineSave.course.save")}
          </button>
        </>
      ) : (
        <p className="hint">{t("offlineSave.course.needsConnection")}</p>
      )}
      {problem ? (
        <p role="alert" className="form-error">
          {t(`offlineSave.errors.${problem.problem}`)}
          {problem.keptOld ? ` ${t("offlineSave.errors.keptOld")}` : ""}
        </p>
      ) : null}
    </section>
  );
}
