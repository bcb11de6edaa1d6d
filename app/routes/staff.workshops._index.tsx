import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasRole } from "../domain/roles";
import { useI18n } from "../i18n/use-translation";
import { listManagedWorkshops } from "../models/workshop.server";
import styles from "../styles/workshops.css";
import { requireRole } from "../auth/user.server";
import { formatShortDate, formatTime } from "../utils/dates";
import { getDb } from "../utils/db.server";
import { TableScroll } from "../components/table-scroll";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: pageTitle(matches, data?.all ? "workshops.staff.titleAll" : "workshops.staff.title") },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "facilitator");
  const workshops = await listManagedWorkshops(await getDb(), user);
  return {
    all: hasRole(user.role, "manager"),
    workshops,
    texts: await pageTexts(request, ["roster.import.title", "workshops"]),
  };
}

export default function StaffWorkshops() {
  const { all, workshops } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <div>
      <h1>{all ? t("workshops.staff.titleAll") : t("workshops.staff.title")}</h1>
      <p className="actions">
        <Link to="/staff/workshops/new" className="button primary">
          {t("workshops.staff.create")}
        </Link>{" "}
        <Link to="/staff/people/import" className="button">
          {t("roster.import.title")}
        </Link>
      </p>
      {workshops.length === 0 ? (
        <p>{t("workshops.staff.none")}</p>
      ) : (
        <TableScroll label={all ? t("workshops.staff.titleAll") : t("workshops.staff.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("workshops.staff.columns.title")}</th>
                <th scope="col">{t("workshops.staff.columns.firstSession")}</th>
                <th scope="col">{t("workshops.staff.columns.status")}</th>
                <th scope="col">{t("workshops.staff.columns.registered")}</th>
                <th scope="col">{t("workshops.staff.columns.waitlisted")}</th>
              </tr>
            </thead>
            <tbody>
              {workshops.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    <Link to={`/staff/workshops/${w.id}`}>{w.title}</Link>
                  </th>
                  <td>
                    {w.firstStartsAt
                      ? `${formatShortDate(w.firstStartsAt, locale, w.timezone)} ${formatTime(w.firstStartsAt, locale, w.timezone)}`
                      : t("workshops.staff.noSessions")}
                  </td>
                  <td>{t(`workshops.status.${w.status}`)}</td>
                  <td>
                    {w.registered}
                    {w.capacity ? ` / ${w.capacity}` : ""}
                  </td>
                  <td>{w.waitlisted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
