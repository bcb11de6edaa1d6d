import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requirePersonStaff } from "../auth/person.server";
import { renderAccessCardsPdf } from "../downloads/access-card-pdf.server";
import { IssueCardsSchema, RevokeCardSchema } from "../forms/access-card.server";
import { parseSubmission } from "../forms/submission.server";
import { translatorFor } from "../i18n/translator.server";
import { issueAccessCards, memberAccountOf, revokeAccessCard } from "../models/access-card.server";
import { appUrl } from "../models/workshop-mail.server";
import { attachment, exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";

/** Nothing to show: the cards are printed from the person page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { person } = await requirePersonStaff(request, params);
  return redirect(`/staff/people/${person.id}#access-card`);
}

/**
 * POST /staff/people/:personId/access-card — staff who may see the person (the person page's guard)
 * issue a sheet of new access cards for a member account and get the PDF at once (`intent=revoke`
 * with `card`: revoke one of them, which signs its devices out). Audited either way.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, person } = await requirePersonStaff(request, params);
  const form = await request.formData();
  const back = `/staff/people/${person.id}`;
  if (form.get("intent") === "revoke") {
    const parsed = parseSubmission(RevokeCardSchema, form);
    const accountId = await memberAccountOf(db, person.id);
    const revoked =
      parsed.ok && accountId !== null
        ? await revokeAccessCard(db, { cardId: parsed.data.card, accountId, actorAccountId: user.accountId })
        : false;
    if (!revoked) throw new Response("Not found", { status: 404 });
    return redirect(`${back}?card=revoked#access-card`);
  }
  const parsed = parseSubmission(IssueCardsSchema, form);
  if (!parsed.ok) return redirect(`${back}?card=invalid#access-card`);
  const issued = await issueAccessCards(db, {
    personId: person.id,
    issuerAccountId: user.accountId,
    copies: parsed.data.copies,
  });
  if (!issued.ok) return redirect(`${back}?card=${issued.reason}#access-card`);
  // The card is read by its holder: their language. The addresses outlive the request: APP_URL, never its Host.
  const pdfT = translatorFor(issued.locale);
  const base = appUrl();
  const pdf = await renderAccessCardsPdf(
    issued.cards.map((card) => ({ id: card.id, code: card.code, url: `${base}/card/${card.token}` })),
    { fullName: issued.fullName, codeUrl: `${base}/login/code`, locale: issued.locale, t: pdfT, date: new Date() },
  );
  const { t } = await getTranslator(request);
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachment(exportFilename(t, "accessCards", { subject: person.id, ext: "pdf" })),
      "Cache-Control": "private, no-store",
    },
  });
}
