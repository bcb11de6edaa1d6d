import { z } from "zod";
import { LEVELS, TOPICS } from "./taxonomy";

/**
 * The shape of course content written by authors (courses/README.md):
 * `course.yaml` per course folder and the frontmatter of each lesson MDX file.
 * Unknown fields are errors, so a typo never silently drops a setting.
 */

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, "must be lower-case words joined by hyphens (e.g. mi-leccion)");
const text = z.string().trim().min(1, "must not be empty");

export { LEVELS, TOPICS, type Topic } from "./taxonomy";

export const courseSchema = z.strictObject({
  title: text,
  summary: text,
  language: z.enum(["es", "en"]),
  topic: z.enum(TOPICS),
  level: z.enum(LEVELS).default("beginner"),
  estimatedMinutes: z.number().int().positive(),
  cover: z.strictObject({ image: text, alt: text }).optional(),
  published: z.boolean().default(false),
  /** Lesson slugs in the order members take them. */
  lessons: z.array(slug).min(1, "a course needs at least one lesson"),
});
export type CourseMeta = z.infer<typeof courseSchema>;

/** An asset path: relative to the lesson's folder, absolute under public/ ("/videos/x.mp4") or an https URL. */
const assetRef = text;

const videoSource = z.strictObject({
  src: assetRef,
  type: z.enum(["video/mp4", "video/webm", "audio/mpeg", "audio/ogg", "audio/webm"]),
  /** "low" marks the low-bandwidth variant a member may choose. */
  quality: z.enum(["standard", "low"]).default("standard"),
  /** Size in bytes, only needed for URLs (local files are measured). */
  bytes: z.number().int().positive().optional(),
});

const caption = z.strictObject({ src: assetRef, lang: z.enum(["es", "en"]), label: text });

export const lessonVideoSchema = z
  .strictObject({
    sources: z.array(videoSource).min(1, "a video needs at least one source"),
    poster: assetRef.optional(),
    captions: z.array(caption).min(1, "a video needs captions (WebVTT)"),
  })
  .refine((v) => v.sources.some((s) => s.quality === "standard"), {
    message: "one source must have quality: standard",
    path: ["sources"],
  });

const answer = z.strictObject({
  text,
  correct: z.boolean().default(false),
  feedback: text,
});

export const quizQuestionSchema = z
  .strictObject({ question: text, answers: z.array(answer).min(2, "a question needs at least two answers") })
  .refine((q) => q.answers.some((a) => a.correct), {
    message: "mark at least one answer as correct: true",
    path: ["answers"],
  });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const lessonSchema = z
  .strictObject({
    title: text,
    summary: text,
    kind: z.enum(["text", "video"]).default("text"),
    /** Minutes. */
    duration: z.number().int().positive(),
    slug: slug.optional(),
    required: z.boolean().default(true),
    video: lessonVideoSchema.optional(),
    quiz: z.array(quizQuestionSchema).min(1).optional(),
  })
  .superRefine((lesson, ctx) => {
    if (lesson.kind === "video" && !lesson.video) {
      ctx.addIssue({ code: "custom", message: "a video lesson needs a video: section", path: ["kind"] });
    }
    if (lesson.kind === "text" && lesson.video) {
      ctx.addIssue({ code: "custom", message: "set kind: video for a lesson with a video", path: ["video"] });
    }
  });
export type LessonMeta = z.infer<typeof lessonSchema>;
export type LessonVideoMeta = z.infer<typeof lessonVideoSchema>;

/** What a built video lesson stores: public URLs, sizes and the transcript. */
export interface LessonVideo {
  sources: Array<{ url: string; type: string; quality: "standard" | "low"; bytes: number | null }>;
  poster: string | null;
  captions: Array<{ url: string; lang: "es" | "en"; label: string }>;
  transcript: Array<{ lang: "es" | "en"; paragraphs: string[] }>;
}
