/**
 * Names shared by the page code and the service worker (both bundle this file), so a page
 * that saves a course and the worker that serves it offline agree on where things live.
 * Bump a version only when the stored format changes: the worker deletes caches it does not know.
 */

/** Pages (documents) and their images and captions, kept as a member opens them. */
export const PAGES_CACHE = "minka-pages-v1";

/** One cache per course saved with "Guardar este curso": removing the course deletes its cache. */
export const SAVED_COURSE_CACHE_PREFIX = "minka-course-v1-";

export function savedCourseCache(courseSlug: string): string {
  return SAVED_COURSE_CACHE_PREFIX + courseSlug;
}

/** IndexedDB databases: one per feature, so each upgrades its own version on its own. */
export const SAVED_COURSES_DB = "minka-saved-courses";
export const PENDING_SUBMISSIONS_DB = "minka-pending-submissions";

/** Background Sync tag under which pending completions and quiz answers are sent. */
export const SUBMISSIONS_SYNC_TAG = "minka-submissions";
