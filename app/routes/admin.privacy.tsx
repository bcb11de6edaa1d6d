import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormOutcome } from "../components/field";
import { ErasureSchema } from "../forms/privacy.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import { erasePerson, listPendingErasures } from "../models/privacy.server";
import { requireRole } from "../auth/user.server";
import { formatShortDate } from "../utils/dates";
import { TableScroll } from "../components/table-scroll";
import { getDb } from "../utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { pending: await listPendingErasures(await getDb()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const parsed = await parseSubmission(ErasureSchema, request);
  const erased = parsed.ok && (await erasePerson(await getDb(), parsed.data.personId, admin.accountId));
  if (!parsed.ok || !erased)
    return formFailure({ errors: { form: { key: "privacy.admin.notFound" } }, values: parsed.values });
  const message: Msg = { key: "privacy.admin.erased", vars: { id: parsed.data.personId } };
  return { ok: true as const, message };
}

export default function AdminPrivacy() {
  const { pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  return (
    <div>
      <h1>{t("privacy.admin.title")}</h1>
      <p>{t("privacy.admin.intro")}</p>
      <FormOutcome result={result} />
      {pending.length === 0 ? (
        <p>{t("privacy.admin.none")}</p>
      ) : (
        <TableScroll label={t("privacy.admin.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("privacy.admin.person")}</th>
                <th scope="col">{t("privacy.admin.requested")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("privacy.admin.erase")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    {person.full_name} (#{person.id}) {person.email ?? person.phone ?? ""}
                  </th>
                  <td>{person.consent_withdrawn_at ? formatShortDate(person.consent_withdrawn_at, locale) : ""}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="personId" value={person.id} />
                      <button
                        type="submit"
                        className="button small"
                        aria-label={t("privacy.admin.eraseFor", { name: person.full_name })}
                      >
                        {t("privacy.admin.erase")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>{t("privacy.admin.byNumber")}</h2>
      <Form method="post" className="narrow">
        <Field label={t("privacy.admin.personNumber")} name="personId" inputMode="numeric" required />
        <button type="submit" className="button">
          {t("privacy.admin.erase")}
        </button>
      </Form>
    </div>
  );
}
