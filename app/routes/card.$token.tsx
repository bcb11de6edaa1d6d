import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getUser, sessionSetCookie } from "../auth/user.server";
import { pageTexts } from "../i18n/page-texts.server";
import { pageTitle } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { findCardHolder, signInWithCard } from "../models/access-card.server";
import { getDb } from "../utils/db.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "access.card.title") },
  { name: "robots", content: "noindex" },
];
// The page names the card's holder: never kept by a shared cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

type CardState =
  | { state: "ready"; name: string }
  | { state: "same" }
  | { state: "otherAccount"; name: string }
  | { state: "unknown" }
  | { state: "staff" };

const STATUS: Record<CardState["state"], number> = {
  ready: 200,
  same: 200,
  otherAccount: 409,
  unknown: 404,
  staff: 403,
};

/**
 * What a scanned card may do here. A card never switches accounts silently: someone already signed
 * in with another account is told so, and nothing changes.
 */
async function cardState(request: Request, token: string): Promise<CardState> {
  const [user, holder] = await Promise.all([getUser(request), getDb().then((db) => findCardHolder(db, token))]);
  if (!holder) return { state: "unknown" };
  if (holder.staff) return { state: "staff" };
  if (user && user.accountId !== holder.accountId) return { state: "otherAccount", name: user.fullName };
  if (user) return { state: "same" };
  return { state: "ready", name: holder.firstName };
}

/**
 * GET /card/:token — what the phone opens when the card's QR code is scanned. GET only asks
 * ("Entrar como …"); the button's POST signs in, so a link preview or scanner that fetches the
 * address signs nobody in (docs/decisions/031).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const card = await cardState(request, params.token ?? "");
  return data({ card, texts: await pageTexts(request, ["access.card"]) }, { status: STATUS[card.state] });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const card = await cardState(request, params.token ?? "");
  if (card.state !== "ready") return data({ card }, { status: STATUS[card.state] });
  const result = await signInWithCard(await getDb(), params.token ?? "");
  if (!result.ok) {
    const refused: CardState = { state: result.reason };
    return data({ card: refused }, { status: STATUS[refused.state] });
  }
  return redirect("/", { headers: { "Set-Cookie": sessionSetCookie(request, result.sessionToken) } });
}

export default function CardSignIn() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const card = acted?.card ?? loaded.card;
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("access.card.title")}</h1>
      {card.state === "ready" ? (
        <Form method="post">
          <p>{t("access.card.intro", { name: card.name })}</p>
          <button type="submit" className="button primary">
            {t("access.card.enterAs", { name: card.name })}
          </button>
        </Form>
      ) : card.state === "same" ? (
        <>
          <p role="status">{t("access.card.sameAccount")}</p>
          <Link to="/" className="button primary">
            {t("access.card.goHome")}
          </Link>
        </>
      ) : card.state === "otherAccount" ? (
        <>
          <p className="form-error" role="alert">
            {t("access.card.otherAccount", { name: card.name })}
          </p>
          <Link to="/" className="button">
            {t("access.card.goHome")}
          </Link>
        </>
      ) : (
        <p className="form-error" role="alert">
          {t(card.state === "staff" ? "access.card.staff" : "access.card.unknown")}
        </p>
      )}
    </div>
  );
}
