import { describe, expect, it } from "vitest";
import { courseSchema, lessonSchema } from "./schema";

const course = {
  title: "Curso",
  summary: "Resumen",
  language: "es",
  topic: "finance",
  estimatedMinutes: 30,
  lessons: ["uno"],
};
const lesson = { title: "Lección", summary: "Resumen", duration: 10 };
const video = {
  sources: [{ src: "/videos/a.webm", type: "video/webm" }],
  captions: [{ src: "/videos/a.es.vtt", lang: "es", label: "Español" }],
};
const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("course.yaml schema", () => {
  it("fills defaults: a beginner course, unpublished until the author says so", () => {
    expect(courseSchema.parse(course)).toMatchObject({ level: "beginner", published: false });
  });
  it("refuses unknown fields, bad slugs and unknown topics", () => {
    const result = courseSchema.safeParse({ ...course, autor: "x", topic: "cocina", lessons: ["Mi Lección"] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.code).sort()).toEqual([
      "invalid_format",
      "invalid_value",
      "unrecognized_keys",
    ]);
  });
});

describe("lesson frontmatter schema", () => {
  it("makes a text lesson required by default", () => {
    expect(lessonSchema.parse(lesson)).toMatchObject({ kind: "text", required: true });
  });
  it("requires a title and a positive whole duration", () => {
    expect(messages(lessonSchema.safeParse({ summary: "x", duration: 2.5 }))).toEqual([
      "title: Invalid input: expected string, received undefined",
      "duration: Invalid input: expected int, received number",
    ]);
  });
  it("ties kind: video to a video section with captions and a standard source", () => {
    expect(messages(lessonSchema.safeParse({ ...lesson, kind: "video" }))).toEqual([
      "kind: a video lesson needs a video: section",
    ]);
    expect(messages(lessonSchema.safeParse({ ...lesson, video }))).toEqual([
      "video: set kind: video for a lesson with a video",
    ]);
    expect(lessonSchema.parse({ ...lesson, kind: "video", video }).video?.sources[0]?.quality).toBe("standard");
    const onlyLow = { ...video, sources: [{ ...video.sources[0], quality: "low" }] };
    expect(messages(lessonSchema.safeParse({ ...lesson, kind: "video", video: onlyLow }))).toEqual([
      "video.sources: one source must have quality: standard",
    ]);
    expect(messages(lessonSchema.safeParse({ ...lesson, kind: "video", video: { ...video, captions: [] } }))).toEqual([
      "video.captions: a video needs captions (WebVTT)",
    ]);
  });
  it("needs at least one correct answer and two answers per quiz question", () => {
    const quiz = [{ question: "¿?", answers: [{ text: "a", feedback: "f" }] }];
    expect(messages(lessonSchema.safeParse({ ...lesson, quiz }))).toEqual([
      "quiz.0.answers: a question needs at least two answers",
      "quiz.0.answers: mark at least one answer as correct: true",
    ]);
  });
});
