import { createContext, useContext } from "react";
import type { Locale } from "../../../db/schema";
import type { QuizQuestion, LessonVideo } from "../../content/schema";
import type { QuizResult } from "../../domain/quiz";
import type { T } from "../../i18n/keys";

export type VideoQuality = "standard" | "low";

/**
 * What author components need from the page. Lessons are rendered to HTML on
 * the server (see docs/decisions/006), outside Remix's router, so they get
 * translations and lesson data from here rather than from route hooks.
 */
export interface LessonRenderContext {
  t: T;
  locale: Locale;
  /** The lesson's address: forms in the lesson post here. */
  lessonPath: string;
  video: LessonVideo | null;
  videoQuality: VideoQuality;
  quiz: QuizQuestion[] | null;
  /** Set after the member sent the quiz. */
  quizResult: QuizResult | null;
}

export const LessonContext = createContext<LessonRenderContext | null>(null);

export function useLesson(): LessonRenderContext {
  const value = useContext(LessonContext);
  if (!value) throw new Error("Author components render only inside a lesson");
  return value;
}
