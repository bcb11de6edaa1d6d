import type { ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { LessonContext, type LessonRenderContext } from "./context";
import { mdxComponents } from "./index";

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
 * Renders a compiled lesson to HTML on the server. Browsers receive HTML
 * only: no MDX runtime, and no eval that the CSP would refuse.
 */
export function renderLessonHtml(code: string, context: LessonRenderContext): string {
  const Lesson = getLessonComponent(code);
  return renderToStaticMarkup(
    <LessonContext.Provider value={context}>
      <Lesson components={mdxComponents} />
    </LessonContext.Provider>,
  );
}
