import { createContext, useContext, useMemo, useState } from "react";

/**
 * HTML that a loader kept for the server render only (see `sendOnce` in
 * utils/document-html.server.ts): present while the server renders a document, absent in the browser.
 */
export const DocumentHtmlContext = createContext<ReadonlyMap<string, string> | null>(null);

/** As the browser's parser writes it back: the same string as the element's innerHTML when the content is the same. */
function asParsed(html: string): string {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.innerHTML;
}

/**
 * The HTML to put in the element with this id. A document carries it once, in the page: the
 * server takes it from the context and the browser, when hydrating, from the element itself.
 * Later loads (client navigation, revalidation) bring it in the data; in the browser it is
 * compared in parsed form, so the same content never replaces the element's children (a
 * playing video, a half-filled quiz).
 */
export function useDocumentHtml(id: string, html: string | null): string {
  const kept = useContext(DocumentHtmlContext);
  const inBrowser = typeof document !== "undefined";
  const [inPage] = useState(() => (html === null && inBrowser ? (document.getElementById(id)?.innerHTML ?? "") : ""));
  const parsed = useMemo(() => (html !== null && inBrowser ? asParsed(html) : html), [html, inBrowser]);
  if (parsed !== null) return parsed;
  return kept?.get(id) ?? inPage;
}
