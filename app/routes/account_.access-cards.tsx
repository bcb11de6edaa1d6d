import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "../auth/user.server";
import { RevokeCardSchema } from "../forms/access-card.server";
import { parseSubmission } from "../forms/submission.server";
import { revokeAccessCard } from "../models/access-card.server";
import { getDb } from "../utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/account#access-cards");
}

/**
 * POST /account/access-cards — a member revokes one of their own access cards (a lost one); the
 * devices it signed in are signed out. Another account's card or an unknown one is a 404.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseSubmission(RevokeCardSchema, request);
  const revoked =
    parsed.ok &&
    (await revokeAccessCard(await getDb(), {
      cardId: parsed.data.card,
      accountId: user.accountId,
      actorAccountId: user.accountId,
    }));
  if (!revoked) throw new Response("Not found", { status: 404 });
  // This device may have been signed in with that very card: then the account page sends it to /login.
  return redirect("/account?card=revoked#access-cards");
}
