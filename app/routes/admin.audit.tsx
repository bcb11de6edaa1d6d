import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useI18n } from "../i18n/use-translation";
import { listAuditLog } from "../models/privacy.server";
import { requireRole } from "../auth/user.server";
import { TableScroll } from "../components/table-scroll";
import { formatDateTime } from "../utils/dates";
import { getDb } from "../utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { entries: await listAuditLog(await getDb()) };
}

export default function AdminAudit() {
  const { entries } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <div>
      <h1>{t("privacy.audit.title")}</h1>
      <p>{t("privacy.audit.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("privacy.audit.empty")}</p>
      ) : (
        <TableScroll label={t("privacy.audit.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("privacy.audit.when")}</th>
                <th scope="col">{t("privacy.audit.who")}</th>
                <th scope="col">{t("privacy.audit.action")}</th>
                <th scope="col">{t("privacy.audit.subject")}</th>
                <th scope="col">{t("privacy.audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.created_at, locale)}</td>
                  <td>{entry.actor_name || t("privacy.audit.system")}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.subject_type} #{entry.subject_id}
                  </td>
                  <td>
                    <code>{entry.details}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
