import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { textsLoader } from "../i18n/page-texts.server";
import { pageTitle } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { WITHOUT_SCRIPTS } from "../offline/without-scripts";
import { useNonce } from "../utils/nonce";

/**
 * `/offline`: what the service worker shows for a page it has not kept when there is no
 * connection (it keeps a copy in each language at install). It runs no Remix scripts, since it
 * stands in for pages at other addresses; /offline-page.js lists what the phone keeps.
 * Without JavaScript, or online, it is an ordinary page.
 */
export const loader = textsLoader(["offline.page"]);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "offline.page.title") }];

export const handle = WITHOUT_SCRIPTS;

export default function Offline() {
  const { t } = useI18n();
  const nonce = useNonce();
  return (
    <div className="narrow">
      <h1>{t("offline.page.title")}</h1>
      <p>{t("offline.page.intro")}</p>
      <p>{t("offline.page.retry")}</p>
      <section aria-labelledby="offline-saved-title">
        <h2 id="offline-saved-title">{t("offline.page.savedTitle")}</h2>
        <p id="offline-unlisted">{t("offline.page.noScript")}</p>
        <p id="offline-nothing" hidden>
          {t("offline.page.nothing")}
        </p>
        <div id="offline-courses" hidden>
          <h3>{t("offline.page.savedCourses")}</h3>
          <ul></ul>
        </div>
        <div id="offline-lessons" hidden>
          <h3>{t("offline.page.visited")}</h3>
          <ul></ul>
        </div>
      </section>
      <section aria-labelledby="offline-network-title">
        <h2 id="offline-network-title">{t("offline.page.needsNetworkTitle")}</h2>
        <p>{t("offline.page.needsNetwork")}</p>
      </section>
      <p>
        <Link to="/">{t("offline.page.home")}</Link>
      </p>
      <script src="/offline-page.js" defer nonce={nonce} />
    </div>
  );
}
