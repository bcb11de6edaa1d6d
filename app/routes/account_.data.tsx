import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/user.server";
import { readablePersonData } from "../downloads/person-data-view.server";
import { useI18n } from "../i18n/use-translation";
import { exportPersonData } from "../models/privacy.server";
import { getDb } from "../utils/db.server";
import { getTranslator } from "../utils/locale.server";
import { pageTexts } from "../i18n/page-texts.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "exports.myData.title") }];

/**
 * GET /account/data — everything kept about the logged-in person, as a page they can read. The
 * files are at /account/data/download; the older `?format=` address of the files leads there.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const { search, searchParams } = new URL(request.url);
  if (searchParams.has("format")) throw redirect(`/account/data/download${search}`);
  const data = await exportPersonData(await getDb(), user.personId);
  return {
    sections: readablePersonData(data, t as (key: string) => string, locale),
    texts: await pageTexts(request, ["exports.myData"]),
  };
}

export default function MyDataPage() {
  const { sections } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div>
      <p>
        <Link to="/account">{t("exports.myData.back")}</Link>
      </p>
      <h1>{t("exports.myData.title")}</h1>
      <p>{t("exports.myData.intro")}</p>
      <ul className="link-list">
        <li>
          <a href="/account/data/download?format=json" download>
            {t("exports.myData.downloadJson")}
          </a>
        </li>
        <li>
          <a href="/account/data/download?format=csv" download>
            {t("exports.myData.downloadCsv")}
          </a>
        </li>
        <li>
          <a href="/account/data/download?format=xlsx" download>
            {t("exports.myData.downloadXlsx")}
          </a>
        </li>
      </ul>
      {sections.map((section) => (
        <section key={section.table} aria-labelledby={`data-${section.table}`}>
          <h2 id={`data-${section.table}`}>{section.title}</h2>
          {section.records.length === 0 ? <p>{t("exports.myData.nothing")}</p> : null}
          {section.records.map((fields, index) => (
            <div key={index} className="card">
              {section.records.length > 1 ? <h3>{t("exports.myData.record", { number: index + 1 })}</h3> : null}
              <dl className="data-record">
                {fields.map((f) => (
                  <div key={f.field}>
                    <dt>{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
