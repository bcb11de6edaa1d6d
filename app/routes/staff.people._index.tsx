import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "../auth/user.server";
import { Field, SelectField } from "../components/field";
import { TableScroll } from "../components/table-scroll";
import { COUNTRIES } from "../domain/countries";
import { directoryHref, MISSING_FACTS, readDirectoryFilters } from "../domain/people-directory";
import { countryName } from "../domain/reach-tables";
import { regionName } from "../domain/regions";
import { hasRole } from "../domain/roles";
import { pageTitle } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { listCooperatives, searchPeople } from "../models/people-directory.server";
import styles from "../styles/workshops.css";
import { getDb } from "../utils/db.server";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "people.staff.directory.title") }];

/**
 * GET /staff/people — staff find a person by name or contact, or list those missing a fact reports
 * need (the report's data-quality panel links here), 50 a page. Managers and admins list everyone;
 * a facilitator only the people of the workshops they facilitate, as on the person page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "facilitator");
  const db = await getDb();
  const filters = readDirectoryFilters(new URL(request.url).searchParams);
  const all = hasRole(user.role, "manager");
  const scope = all ? ({ all: true } as const) : { facilitatorAccountId: user.accountId };
  const [result, cooperatives] = await Promise.all([searchPeople(db, filters, scope), listCooperatives(db)]);
  return {
    filters,
    cooperatives,
    all,
    ...result,
    texts: await pageTexts(request, ["people.staff", "reports.tables", "reports.values"]),
  };
}

const MISSING_LABELS = {
  country: "people.staff.directory.missingCountry",
  region: "people.staff.directory.missingRegion",
  birthYear: "people.staff.directory.missingBirthYear",
  sex: "people.staff.directory.missingSex",
} as const;

function Pages({ filters, pages }: { filters: ReturnType<typeof readDirectoryFilters>; pages: number }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  const page = Math.min(filters.page, pages);
  // The first, the last, and two either side of the current page: enough to walk a long list.
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter(
    (n) => n >= 1 && n <= pages,
  );
  return (
    <nav aria-label={t("people.staff.directory.pages")} className="pagination">
      <p>{t("people.staff.directory.page", { page, pages })}</p>
      <ul className="actions">
        {page > 1 ? (
          <li>
            <Link to={directoryHref(filters, page - 1)} rel="prev">
              {t("people.staff.directory.previous")}
            </Link>
          </li>
        ) : null}
        {shown.map((n) => (
          <li key={n}>
            {n === page ? <span aria-current="page">{n}</span> : <Link to={directoryHref(filters, n)}>{n}</Link>}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link to={directoryHref(filters, page + 1)} rel="next">
              {t("people.staff.directory.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export default function PeopleDirectory() {
  const { filters, cooperatives, all, rows, total, pages } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const none = t("people.staff.person.notStated");
  const d = "people.staff.directory" as const;
  return (
    <div>
      <h1>{t(`${d}.title`)}</h1>
      <p>{t(`${d}.intro`)}</p>
      <Form method="get" className="filters">
        <Field label={t(`${d}.search`)} name="q" type="search" defaultValue={filters.q} maxLength={120} />
        <SelectField label={t(`${d}.country`)} name="country" defaultValue={filters.country ?? ""}>
          <option value="">{t(`${d}.anyCountry`)}</option>
          {COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {t(`common.countries.${code}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t(`${d}.cooperative`)} name="cooperative" defaultValue={filters.cooperative ?? ""}>
          <option value="">{t(`${d}.anyCooperative`)}</option>
          {cooperatives.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t(`${d}.missing`)} name="missing" defaultValue={filters.missing ?? ""}>
          <option value="">{t(`${d}.anyMissing`)}</option>
          {MISSING_FACTS.map((fact) => (
            <option key={fact} value={fact}>
              {t(MISSING_LABELS[fact])}
            </option>
          ))}
        </SelectField>
        <p className="actions">
          <button type="submit" className="button primary">
            {t(`${d}.apply`)}
          </button>
          <Link to="/staff/people">{t(`${d}.clear`)}</Link>
        </p>
      </Form>
      <p>{t(`${d}.allTime`)}</p>
      {all ? null : <p className="notice">{t(`${d}.facilitatorScope`)}</p>}
      <p role="status">{t(`${d}.count`, { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t(`${d}.none`)}</p>
      ) : (
        <TableScroll label={t(`${d}.title`)}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(`${d}.name`)}</th>
                <th scope="col">{t(`${d}.contact`)}</th>
                <th scope="col">{t("people.staff.person.country")}</th>
                <th scope="col">{t("people.staff.person.region")}</th>
                <th scope="col">{t("people.staff.person.cooperative")}</th>
                <th scope="col">{t(`${d}.birthYear`)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={`/staff/people/${row.id}`}>{row.fullName}</Link>
                  </th>
                  <td>{[row.email, row.phone].filter(Boolean).join(" · ") || none}</td>
                  <td>{row.country ? countryName(row.country, t) : none}</td>
                  <td>{regionName(row.region) ?? row.region ?? none}</td>
                  <td>{row.cooperative ?? none}</td>
                  <td>{row.birthYear ?? none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pages filters={filters} pages={pages} />
    </div>
  );
}
