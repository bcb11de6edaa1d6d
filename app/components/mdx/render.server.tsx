import crypto from "node:crypto";
import type { ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { LessonContext, type LessonRenderContext } from "./context";
import { mdxComponents } from "./index";
import { LessonTable } from "./table";

type MdxComponent = ComponentType<{ components: typeof mdxComponents }>;

// getMDXComponent evaluates the compiled code: do it once per code, not per request.
const MAX_ENTRIES = 1000;
const components = new Map<string, MdxComponent>();

export function getLessonComponent(code: string): MdxComponent {
  let component = components.get(code);
  if (!component) {
    component = getMDXComponent(code) as MdxComponent;
    if (components.size >= MAX_ENTRIES) components.delete(components.keys().next().value!);
    components.set(code, component);
  }
  return component;
}

/**
 * The author components whose output depends on the request (the visitor's video quality
 * cookie, the answers of a quiz just sent): left as slots in the shared HTML and rendered into
 * each variant of the page (see `pages`). Everything else depends only on content and language.
 */
const PER_REQUEST = { Video: mdxComponents.Video, Quiz: mdxComponents.Quiz } as const;
type PerRequestName = keyof typeof PER_REQUEST;

// Random per process, so no text an author writes can forge a slot.
const SLOT_ID = crypto.randomBytes(12).toString("hex");
const slotMarkup = (name: PerRequestName) => `<template data-lesson-slot="${SLOT_ID}-${name}"></template>`;
const slotComponents = {
  ...mdxComponents,
  // Markdown elements rendered by our components (not names an author may write as JSX).
  table: LessonTable,
  Video: () => <template data-lesson-slot={`${SLOT_ID}-Video`} />,
  Quiz: () => <template data-lesson-slot={`${SLOT_ID}-Quiz`} />,
};

/** A lesson's shared HTML, with slots where the per-request parts go; by lesson, content hash, language and address. */
const MAX_PAGES = 2000;
const sharedHtml = new Map<string, string>();

/** Which lesson version is rendered: the cache key (without a content hash, nothing is cached). */
export interface LessonVersion {
  id: number;
  contentHash: string | null;
}

function withContext(context: LessonRenderContext, node: JSX.Element): string {
  return renderToStaticMarkup(<LessonContext.Provider value={context}>{node}</LessonContext.Provider>);
}

function renderShared(code: string, context: LessonRenderContext, version: LessonVersion): string {
  const key = version.contentHash
    ? [version.id, version.contentHash, context.locale, context.lessonPath].join("\0")
    : null;
  const cached = key ? sharedHtml.get(key) : undefined;
  if (cached !== undefined) return cached;
  const Lesson = getLessonComponent(code);
  const html = withContext(context, <Lesson components={slotComponents} />);
  if (key) {
    if (sharedHtml.size >= MAX_PAGES) sharedHtml.delete(sharedHtml.keys().next().value!);
    sharedHtml.set(key, html);
  }
  return html;
}

/**
 * Whole pages without a quiz result depend on the request only through the video quality
 * (two variants): they are kept too, so most requests render nothing. A graded quiz (answers
 * in the address) is rendered for that request alone.
 */
const pages = new Map<string, string>();

/**
 * Renders a compiled lesson to HTML on the server. Browsers receive HTML
 * only: no MDX runtime, and no eval that the CSP would refuse. The MDX tree is
 * rendered once per lesson version and language; the video and the quiz are
 * rendered into their places, once per video quality while the quiz is ungraded.
 */
export function renderLessonHtml(code: string, context: LessonRenderContext, version: LessonVersion): string {
  const key =
    version.contentHash && context.quizResult === null
      ? [version.id, version.contentHash, context.locale, context.lessonPath, context.videoQuality].join("\0")
      : null;
  const cached = key ? pages.get(key) : undefined;
  if (cached !== undefined) return cached;
  let html = renderShared(code, context, version);
  for (const name of Object.keys(PER_REQUEST) as PerRequestName[]) {
    const markup = slotMarkup(name);
    if (!html.includes(markup)) continue;
    const Part = PER_REQUEST[name];
    html = html.split(markup).join(withContext(context, <Part />));
  }
  if (key) {
    if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
    pages.set(key, html);
  }
  return html;
}
