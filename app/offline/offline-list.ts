/** A kept page's address if it is a lesson (`/courses/<course>/<lesson>`, without a quiz's answers), else null. */
export function savedLessonPath(url: URL): string | null {
  return /^\/courses\/[^/.]+\/[^/.]+\/?$/.test(url.pathname) && url.search === "" ? url.pathname : null;
}
