import { useEffect } from "react";
import { useRevalidator } from "@remix-run/react";
import { revalidateSoon } from "../offline/revalidate-soon";

/**
 * Sends the completions and quiz answers kept offline (docs/decisions/037): when a page's scripts
 * start and whenever the browser comes back online; and when this page or the service worker sent
 * something, reloads the page's data so it shows the completed state. Only for a signed-in member:
 * signed out, the server would only send them to the login page.
 */
export function PendingSubmissionsSync({ signedIn }: { signedIn: boolean }) {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!signedIn || typeof indexedDB === "undefined") return;
    let stopped = false;
    let unsubscribe = () => {};
    void import("../offline/pending-submissions").then((queue) => {
      if (stopped) return;
      const send = () => {
        if (navigator.onLine === false) return;
        void queue.flushPendingSubmissions().then((report) => {
          if (!stopped && report.sent.length) revalidateSoon(revalidate);
        });
      };
      send();
      window.addEventListener("online", send);
      unsubscribe = () => window.removeEventListener("online", send);
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
    // `revalidate` changes with every navigation state; the listener needs only the first.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn]);
  return null;
}
