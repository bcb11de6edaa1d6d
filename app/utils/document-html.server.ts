import type { AppLoadContext } from "@remix-run/node";

/**
 * Sends a large HTML string once. On a document request (the server puts `documentHtml` in the
 * load context) the string is kept for the server render and the loader data carries null: the
 * browser reads it back from the page when hydrating (useDocumentHtml). On a data request
 * (client navigation, revalidation) there is no page, so the data carries it.
 */
export function sendOnce(context: AppLoadContext, id: string, html: string): string | null {
  const kept = context.documentHtml;
  if (!kept) return html;
  kept.set(id, html);
  return null;
}
