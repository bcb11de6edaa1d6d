import { sql } from "kysely";
import type { Locale } from "../../db/schema";
import type { LessonVideo, QuizQuestion, Topic } from "../content/schema";
import { isPostgres, toNumber, type DB } from "../utils/db.server";

/** Members see published courses; admins also preview drafts. */
export interface Visibility {
  includeDrafts: boolean;
}

export interface CatalogFilters {
  q?: string;
  language?: Locale;
  topic?: Topic;
}

export interface CatalogCourse {
  id: number;
  slug: string;
  title: string;
  summary: string;
  language: Locale;
  topic: string;
  level: string;
  published: boolean;
  coverImage: string | null;
  coverAlt: string | null;
  lessonCount: number;
  totalMinutes: number;
}

/**
 * The words of a search, at most 8, with a final "s" dropped so that a plural
 * finds the singular too ("estafas" finds "estafa"; each word is a prefix).
 */
export function searchWords(q: string): string[] {
  const words = q.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, 8).map((w) => (w.length > 3 && /s$/i.test(w) ? w.slice(0, -1) : w));
}

/** Words of a search as an FTS5 query: each word a quoted prefix, all required. */
export function ftsQuery(q: string): string | null {
  const words = searchWords(q);
  return words.length ? words.map((w) => `"${w}"*`).join(" AND ") : null;
}

/** The catalog: search over titles, summaries and lesson text, filtered by language and topic. */
export async function searchCourses(db: DB, filters: CatalogFilters, visibility: Visibility): Promise<CatalogCourse[]> {
  let query = db
    .selectFrom("course")
    .leftJoin("lesson", (join) => join.onRef("lesson.course_id", "=", "course.id").on("lesson.archived_at", "is", null))
    .select([
      "course.id",
      "course.slug",
      "course.title",
      "course.summary",
      "course.language",
      "course.topic",
      "course.level",
      "course.published",
      "course.cover_image",
      "course.cover_alt",
      (eb) => eb.fn.count<string | number>("lesson.id").as("lesson_count"),
      (eb) => eb.fn.coalesce(eb.fn.sum<string | number>("lesson.duration_minutes"), eb.lit(0)).as("total_minutes"),
    ])
    .where("course.archived_at", "is", null)
    .groupBy("course.id")
    .orderBy("course.title");
  if (!visibility.includeDrafts) query = query.where("course.published", "=", 1);
  if (filters.language) query = query.where("course.language", "=", filters.language);
  if (filters.topic) query = query.where("course.topic", "=", filters.topic);
  const words = filters.q?.trim() ? ftsQuery(filters.q) : null;
  if (filters.q?.trim() && !words) return [];
  if (words && !isPostgres(db)) {
    query = query.where(
      "course.id",
      "in",
      sql<number>`(select course_id from course_search where course_search match ${words})`,
    );
  } else if (words) {
    for (const word of searchWords(filters.q!)) {
      const like = `%${word}%`;
      query = query.where((eb) =>
        eb.or([
          eb("course.title", "ilike", like),
          eb("course.summary", "ilike", like),
          eb(
            "course.id",
            "in",
            eb
              .selectFrom("lesson as l")
              .select("l.course_id")
              .where("l.archived_at", "is", null)
              .where((w) => w.or([w("l.title", "ilike", like), w("l.body_text", "ilike", like)])),
          ),
        ]),
      );
    }
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    language: r.language,
    topic: r.topic,
    level: r.level,
    published: Boolean(r.published),
    coverImage: r.cover_image,
    coverAlt: r.cover_alt,
    lessonCount: toNumber(r.lesson_count),
    totalMinutes: toNumber(r.total_minutes),
  }));
}

export interface LessonSummary {
  id: number;
  slug: string;
  title: string;
  summary: string;
  kind: "text" | "video";
  durationMinutes: number;
  required: boolean;
  hasQuiz: boolean;
  position: number;
}

export interface CourseWithLessons extends Omit<CatalogCourse, "lessonCount"> {
  estimatedMinutes: number;
  lessons: LessonSummary[];
}

export async function getCourseBySlug(db: DB, slug: string, visibility: Visibility): Promise<CourseWithLessons | null> {
  const course = await db
    .selectFrom("course")
    .selectAll()
    .where("slug", "=", slug)
    .where("archived_at", "is", null)
    .$if(!visibility.includeDrafts, (q) => q.where("published", "=", 1))
    .executeTakeFirst();
  if (!course) return null;
  const lessons = await db
    .selectFrom("lesson")
    .select(["id", "slug", "title", "summary", "kind", "duration_minutes", "required", "has_quiz", "position"])
    .where("course_id", "=", course.id)
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
  return {
    id: course.id,
    slug: course.slug,
    title: course.title,
    summary: course.summary,
    language: course.language,
    topic: course.topic,
    level: course.level,
    published: Boolean(course.published),
    coverImage: course.cover_image,
    coverAlt: course.cover_alt,
    estimatedMinutes: course.estimated_minutes,
    totalMinutes: lessons.reduce((n, l) => n + l.duration_minutes, 0),
    lessons: lessons.map((l) => ({
      id: l.id,
      slug: l.slug,
      title: l.title,
      summary: l.summary,
      kind: l.kind,
      durationMinutes: l.duration_minutes,
      required: Boolean(l.required),
      hasQuiz: Boolean(l.has_quiz),
      position: l.position,
    })),
  };
}

export interface LessonPage {
  course: CourseWithLessons;
  lesson: LessonSummary & {
    code: string;
    /** Changes with the lesson's source or video: what rendered HTML may be kept under. */
    contentHash: string | null;
    video: LessonVideo | null;
    quiz: QuizQuestion[] | null;
  };
  previous: LessonSummary | null;
  next: LessonSummary | null;
}

/** A lesson with its course outline and neighbours; the compiled code comes from the database, never compiled here. */
export async function getLessonPage(
  db: DB,
  courseSlug: string,
  lessonSlug: string,
  visibility: Visibility,
): Promise<LessonPage | null> {
  const course = await getCourseBySlug(db, courseSlug, visibility);
  const index = course?.lessons.findIndex((l) => l.slug === lessonSlug) ?? -1;
  if (!course || index < 0) return null;
  const summary = course.lessons[index]!;
  const row = await db
    .selectFrom("lesson")
    .select(["code", "content_hash", "video", "quiz"])
    .where("id", "=", summary.id)
    .executeTakeFirstOrThrow();
  if (!row.code) return null;
  return {
    course,
    lesson: {
      ...summary,
      code: row.code,
      contentHash: row.content_hash,
      video: row.video ? (JSON.parse(row.video) as LessonVideo) : null,
      quiz: row.quiz ? (JSON.parse(row.quiz) as QuizQuestion[]) : null,
    },
    previous: course.lessons[index - 1] ?? null,
    next: course.lessons[index + 1] ?? null,
  };
}
