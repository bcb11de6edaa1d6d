import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  ScrollRestoration,
  useMatches,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { DeferredScripts } from "./components/deferred-scripts";
import { ErrorPage } from "./components/error-page";
import { PendingSubmissionsSync } from "./components/pending-sync";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { ROOT_TEXTS, textsIn } from "./i18n/page-texts.server";
import { useI18n } from "./i18n/use-translation";
import stylesheet from "./styles/app.css";
import reflowStylesheet from "./styles/reflow.css";
import { getUser } from "./auth/user.server";
import { getLocale } from "./utils/locale.server";
import { getTextSize } from "./utils/text-size.server";
import { useNonce } from "./utils/nonce";
import { ServiceWorkerRegistration } from "./offline/service-worker-registration";
import { runsWithoutScripts } from "./offline/without-scripts";
import { THEME_COLOR } from "./offline/web-app-manifest";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: reflowStylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/icon-192.png" },
];

export const meta: MetaFunction = () => [{ title: "Minka" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, textSize] = await Promise.all([getUser(request), getLocale(request), getTextSize(request)]);
  return {
    locale,
    textSize,
    texts: textsIn(locale, ROOT_TEXTS),
    user: user ? { fullName: user.fullName, role: user.role } : null,
  };
}

const STAFF_AREAS = /^\/(staff|reports|admin)(\/|$)/;

/** Entering a staff area reloads the root data, so someone promoted during their session gets the staff links at once. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate, currentUrl, nextUrl }) =>
  defaultShouldRevalidate || (STAFF_AREAS.test(nextUrl.pathname) && !STAFF_AREAS.test(currentUrl.pathname));

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { locale, t } = useI18n();
  const nonce = useNonce();
  const withScripts = !runsWithoutScripts(useMatches());
  return (
    <html lang={locale} className={data?.textSize === "large" ? "text-large" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content={THEME_COLOR} />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("common.skipToContent")}
        </a>
        <SiteHeader user={data?.user ?? null} textSize={data?.textSize ?? "normal"} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        {/* Remix's <Scripts>, with the modules loaded on first use or when idle (decision 034). */}
        {withScripts && <DeferredScripts nonce={nonce} />}
        {withScripts && <ServiceWorkerRegistration nonce={nonce} />}
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <>
      <Outlet />
      <PendingSubmissionsSync signedIn={Boolean(data?.user)} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
