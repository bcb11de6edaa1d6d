import fs from "node:fs";
import path from "node:path";
import { getUser } from "../auth/user.server";
import { renderLessonHtml } from "../components/mdx/render.server";
import { hasRole } from "../domain/roles";
import { getCourseForOffline } from "../models/course-offline.server";
import { getDb } from "../utils/db.server";
import { getTranslator } from "../utils/locale.server";
import { getVideoQuality } from "../utils/video-quality.server";
import { buildCourseManifest, type CourseManifest } from "./course-manifest";

const PUBLIC_DIR = path.resolve("public");

/** Bytes of a file under public/ (content files are copied there by courses:build), or null. */
function publicFileSize(pathname: string): number | null {
  const file = path.join(PUBLIC_DIR, pathname);
  if (!file.startsWith(PUBLIC_DIR + path.sep)) return null;
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/**
 * The manifest of a course for this request: its lessons rendered as this reader's lesson pages
 * are (language, video quality; the render is the lesson page's own, cached per lesson version),
 * so the files listed are exactly those the saved pages will ask for. Null: no such course for
 * this reader (drafts only for admins, as on the course page).
 */
export async function courseManifestFor(request: Request, slug: string): Promise<CourseManifest | null> {
  const user = await getUser(request);
  const course = await getCourseForOffline(await getDb(), slug, {
    includeDrafts: Boolean(user && hasRole(user.role, "admin")),
  });
  if (!course) return null;
  const { t, locale } = await getTranslator(request);
  const videoQuality = getVideoQuality(request);
  const lessons = course.lessons.map((lesson) => {
    const lessonPath = `/courses/${course.slug}/${lesson.slug}`;
    // The very context of the lesson page (ungraded quiz included): the render is cached under it.
    const html = renderLessonHtml(
      lesson.code,
      { t, locale, lessonPath, video: lesson.video, videoQuality, quiz: lesson.quiz, quizResult: null },
      { id: lesson.id, contentHash: lesson.contentHash },
    );
    return { slug: lesson.slug, title: lesson.title, html, video: lesson.video };
  });
  return buildCourseManifest({
    course: { slug: course.slug, title: course.title, language: course.language, version: course.contentHash },
    lessons,
    sizeOf: publicFileSize,
  });
}
