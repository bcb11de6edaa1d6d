import { Link } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n/use-translation";
import { formatMegabytes, type CourseManifest } from "../../offline/course-manifest";
import type { SavedCourse } from "../../offline/saved-courses";
import { formatDate } from "../../utils/dates";
import { offlineSavingAvailable } from "./save-course";
import { SaveProgress } from "./save-progress";

type SaveModule = typeof import("../../offline/save-course");

/**
 * "Cursos guardados sin conexión" in "Mi aprendizaje": what this browser keeps, with size and
 * date, to open, update (when the course changed since) or remove. It exists only in the
 * browser that saved them, so the server renders nothing.
 */
export function SavedCoursesList() {
  const { t, locale } = useI18n();
  const titleId = useId();
  const progressId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [lib, setLib] = useState<SaveModule | null>(null);
  const [courses, setCourses] = useState<SavedCourse[]>([]);
  /** The current manifest of each saved course, when online: tells which are stale. */
  const [current, setCurrent] = useState<Record<string, CourseManifest>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problem, setProblem] = useState<{ problem: "quota" | "network" | "server"; title: string } | null>(null);
  const [said, setSaid] = useState("");

  useEffect(() => {
    if (!offlineSavingAvailable()) return;
    let mounted = true;
    void (async () => {
      try {
        const loaded = await import("../../offline/save-course");
        const list = await loaded.savedCourses();
        if (!mounted) return;
        setLib(loaded);
        setCourses(list);
        if (!navigator.onLine) return;
        const manifests = await Promise.all(list.map((c) => loaded.fetchCourseManifest(c.slug)));
        if (mounted) setCurrent(Object.fromEntries(manifests.flatMap((m) => (m ? [[m.slug, m]] : []))));
      } catch {
        // No saving code or storage here: nothing to list.
      }
    })();
    return () => {
      mounted = false;
    };
  }, []);

  if (!lib) return null;
  const busy = progress !== null;

  async function update(course: SavedCourse, manifest: CourseManifest) {
    if (!lib) return;
    setProblem(null);
    setSaid("");
    try {
      const record = await lib.saveCourse(manifest, {
        includeVideos: course.includesVideos,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setSaid(t("offlineSave.course.saved", { size: formatMegabytes(record.bytes, locale) }));
    } catch (error) {
      setProblem({ problem: lib.saveProblemOf(error), title: course.title });
    }
    setProgress(null);
    setCourses(await lib.savedCourses());
    heading.current?.focus();
  }

  async function remove(course: SavedCourse) {
    if (!lib) return;
    setProblem(null);
    await lib.removeSavedCourse(course.slug);
    setCourses(await lib.savedCourses());
    setSaid(`${course.title}: ${t("offlineSave.course.removed")}`);
    heading.current?.focus();
  }

  return (
    <section className="saved-courses" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t("offlineSave.me.title")}
      </h2>
      {courses.length === 0 ? <p>{t("offlineSave.me.none")}</p> : null}
      <ul className="my-courses" hidden={courses.length === 0}>
        {courses.map((course) => {
          const manifest = current[course.slug];
          const stale = manifest !== undefined && manifest.version !== course.version;
          return (
            <li key={course.slug}>
              <h3 lang={course.language}>
                {/* A document load: the saved page answers it even without a connection. */}
                <Link to={course.url} reloadDocument>
                  {course.title}
                </Link>
              </h3>
              <p>
                {t("offlineSave.me.details", {
                  size: formatMegabytes(course.bytes, locale),
                  date: formatDate(course.savedAt, locale),
                })}
              </p>
              {stale ? <p>{t("offlineSave.course.stale")}</p> : null}
              <p className="actions">
                {stale ? (
                  <button
                    type="button"
                    className="button primary"
                    disabled={busy}
                    onClick={() => update(course, manifest)}
                  >
                    {t("offlineSave.course.update")}
                    <span className="visually-hidden">: {course.title}</span>
                  </button>
                ) : null}{" "}
                <button type="button" className="button" disabled={busy} onClick={() => remove(course)}>
                  {t("offlineSave.course.remove")}
                  <span className="visually-hidden">: {course.title}</span>
                </button>
              </p>
            </li>
          );
        })}
      </ul>
      <div aria-live="polite">
        {progress ? <SaveProgress id={progressId} done={progress.done} total={progress.total} /> : null}
        {said && !progress ? <p className="notice">{said}</p> : null}
      </div>
      {problem ? (
        <p role="alert" className="form-error">
          {problem.title}: {t(`offlineSave.errors.${problem.problem}`)} {t("offlineSave.errors.keptOld")}
        </p>
      ) : null}
    </section>
  );
}
