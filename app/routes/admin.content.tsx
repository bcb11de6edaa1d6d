import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useI18n } from "../i18n/use-translation";
import { listContentProblems } from "../models/course-content.server";
import { requireRole } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { TableScroll } from "../components/table-scroll";
import { pageTexts } from "../i18n/page-texts.server";

/** Problems found by the last content build: those courses are held back at their last good version. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { problems: await listContentProblems(await getDb()), texts: await pageTexts(request, ["courses.admin"]) };
}

export default function AdminContent() {
  const { problems } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div>
      <h1>{t("courses.admin.title")}</h1>
      {problems.length === 0 ? (
        <p className="notice">{t("courses.admin.none")}</p>
      ) : (
        <>
          <p>{t("courses.admin.intro")}</p>
          <TableScroll label={t("courses.admin.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("courses.admin.file")}</th>
                  <th scope="col">{t("courses.admin.line")}</th>
                  <th scope="col">{t("courses.admin.message")}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i}>
                    <td>
                      <code>{p.file}</code>
                    </td>
                    <td>
                      {p.line}:{p.col}
                    </td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </div>
  );
}
