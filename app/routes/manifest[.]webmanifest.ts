import { messages } from "../i18n/messages.server";
import { webAppManifest } from "../offline/web-app-manifest";

/** `/manifest.webmanifest`: the installable app, named in Spanish (the default language). */
export function loader() {
  return new Response(JSON.stringify(webAppManifest(messages.es.offline.app, "es")), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8" },
  });
}
