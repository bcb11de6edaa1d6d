import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ROLES, type Role } from "../../db/schema";
import { FormOutcome } from "../components/field";
import { RoleChangeSchema } from "../forms/role-change.server";
import { formFailure, parseSubmission } from "../forms/submission.server";
import { useI18n } from "../i18n/use-translation";
import type { Msg } from "../i18n/keys";
import { changeRole, getAccountName, listAccounts } from "../models/account.server";
import { requireRole } from "../auth/user.server";
import { TableScroll } from "../components/table-scroll";
import { formatMediumDate } from "../utils/dates";
import { getDb } from "../utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { accounts: await listAccounts(await getDb()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const parsed = await parseSubmission(RoleChangeSchema, request);
  if (!parsed.ok) return formFailure(parsed);
  const { accountId, role } = parsed.data;
  const refuse = (message: Msg) => formFailure({ errors: { form: message }, values: parsed.values });
  const account = await getAccountName(await getDb(), accountId);
  if (!account) return refuse({ key: "admin.accounts.notFound" });
  if (account.id === admin.accountId && role !== "admin") return refuse({ key: "admin.accounts.cannotDemoteSelf" });
  await changeRole(await getDb(), account.id, role, admin.accountId);
  const message: Msg = { key: "admin.accounts.changed", vars: { name: account.full_name, role } };
  return { ok: true as const, message };
}

export default function AdminAccounts() {
  const { accounts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();

  return (
    <div>
      <h1>{t("admin.accounts.title")}</h1>
      <p>{t("admin.accounts.intro")}</p>
      <FormOutcome
        result={result}
        format={(message) =>
          t(message.key, { ...message.vars, role: t(`common.roles.${(message.vars?.role ?? "member") as Role}`) })
        }
      />
      <TableScroll label={t("admin.accounts.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.accounts.name")}</th>
              <th scope="col">{t("admin.accounts.login")}</th>
              <th scope="col">{t("admin.accounts.created")}</th>
              <th scope="col">{t("admin.accounts.role")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <th scope="row">{account.full_name}</th>
                <td>{account.email ?? account.phone}</td>
                <td>{formatMediumDate(account.created_at, locale)}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="accountId" value={account.id} />
                    <select
                      name="role"
                      defaultValue={account.role}
                      aria-label={t("admin.accounts.changeFor", { name: account.full_name })}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`common.roles.${role}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button small">
                      {t("admin.accounts.change")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
