import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useI18n } from "../i18n/use-translation";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";
import { findOptOutPerson, optOutWithToken } from "../models/mail-preferences.server";
import { getDb } from "../utils/db.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mail.optOut.title") }];

const tokenOf = (request: Request) => new URL(request.url).searchParams.get("token") ?? "";

/**
 * The link in every reminder's List-Unsubscribe header (docs/decisions/028). Opening it only asks:
 * link scanners and previews follow GETs, so only a POST (the button, or a mail program's
 * RFC 8058 one-click POST to this same address) turns reminders off. No login needed.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  const usable = (await findOptOutPerson(await getDb(), token)) !== undefined;
  return data({ token, usable, texts: await pageTexts(request, ["mail.optOut"]) }, { status: usable ? 200 : 404 });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = tokenOf(request) || String(form.get("token") ?? "");
  const done = await optOutWithToken(await getDb(), token);
  return data({ done }, { status: done ? 200 : 404 });
}

export default function RemindersOff() {
  const { token, usable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("mail.optOut.title")}</h1>
      {result?.done ? (
        <p className="notice" role="status">
          {t("mail.optOut.done")}
        </p>
      ) : result || !usable ? (
        <p className="form-error">
          {t("mail.optOut.invalid")} <Link to="/account">{t("common.nav.account")}</Link>
        </p>
      ) : (
        <>
          <p>{t("mail.optOut.question")}</p>
          <Form method="post" action={`/mail/reminders-off?token=${encodeURIComponent(token)}`}>
            <button type="submit" className="button primary">
              {t("mail.optOut.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
