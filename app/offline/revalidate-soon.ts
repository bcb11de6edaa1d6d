/**
 * When pending submissions are sent, several parts of a page learn it within a few milliseconds
 * (the root's sender, the lesson panel hearing the queue change) and each wants the page's data
 * again. Overlapping revalidations raced React's hydration-time rendering ("Root did not
 * complete", seen in tests/e2e/offline-submissions.test.ts), and one is all the page needs: calls
 * within `QUIET_MS` of each other make a single revalidation.
 */
const QUIET_MS = 100;
let timer: ReturnType<typeof setTimeout> | undefined;

export function revalidateSoon(revalidate: () => unknown): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    // A navigation meanwhile (the quiz going to its grading) aborts this revalidation and loads
    // fresh data itself: the abort is expected, anything else is still reported.
    Promise.resolve(revalidate()).catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === "AbortError")) throw error;
    });
  }, QUIET_MS);
}
