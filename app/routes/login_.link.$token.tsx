import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getUser, sessionSetCookie } from "../auth/user.server";
import { pageTexts } from "../i18n/page-texts.server";
import { pageTitle } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { findSignInLink, signInWithLink } from "../models/sign-in-link.server";
import { getDb } from "../utils/db.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "access.link.useTitle") },
  { name: "robots", content: "noindex" },
];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

type LinkState = { state: "ready"; name: string } | { state: "unusable" } | { state: "otherAccount" };
const STATUS = { ready: 200, unusable: 410, otherAccount: 409 } as const;

async function linkState(request: Request, token: string): Promise<LinkState> {
  const [user, link] = await Promise.all([getUser(request), getDb().then((db) => findSignInLink(db, token))]);
  if (!link) return { state: "unusable" };
  if (user && user.accountId !== link.accountId) return { state: "otherAccount" };
  return { state: "ready", name: link.firstName };
}

/**
 * GET /login/link/:token — the e-mailed link. Opening it only asks; the button's POST uses it
 * (once), so a mail scanner that follows links neither signs in nor spends the link.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await linkState(request, params.token ?? "");
  return data(
    { link, texts: await pageTexts(request, ["access.link", "access.card.goHome"]) },
    { status: STATUS[link.state] },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const link = await linkState(request, params.token ?? "");
  if (link.state !== "ready") return data({ link }, { status: STATUS[link.state] });
  const signedIn = await signInWithLink(await getDb(), params.token ?? "");
  if (!signedIn) return data({ link: { state: "unusable" } as LinkState }, { status: STATUS.unusable });
  return redirect("/", { headers: { "Set-Cookie": sessionSetCookie(request, signedIn.sessionToken) } });
}

export default function SignInLinkUse() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const link = acted?.link ?? loaded.link;
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("access.link.useTitle")}</h1>
      {link.state === "ready" ? (
        <Form method="post">
          <p>{t("access.link.useIntro", { name: link.name })}</p>
          <button type="submit" className="button primary">
            {t("access.link.enter")}
          </button>
        </Form>
      ) : (
        <>
          <p className="form-error" role="alert">
            {t(link.state === "otherAccount" ? "access.link.otherAccount" : "access.link.unusable")}
          </p>
          <Link to={link.state === "otherAccount" ? "/" : "/login/link"} className="button">
            {t(link.state === "otherAccount" ? "access.card.goHome" : "access.link.askAgain")}
          </Link>
        </>
      )}
    </div>
  );
}
