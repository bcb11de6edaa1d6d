import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { metaTranslator } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { getUser } from "../auth/user.server";
import { pageTexts } from "../i18n/page-texts.server";
import { SCRIPTS_ON_FIRST_USE } from "../components/deferred-scripts";

export const meta: MetaFunction = ({ matches }) => {
  // Search results and shared links show these, in the visitor's language; the description is the page's own lead.
  const t = metaTranslator(matches);
  return t
    ? [{ title: `Minka · ${t("common.tagline")}` }, { name: "description", content: t("home.lead") }]
    : [{ title: "Minka" }];
};

/** Read more than worked: the scripts can wait for first use (decision 034). */
export const handle = SCRIPTS_ON_FIRST_USE;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return { firstName: user?.fullName.split(" ")[0] ?? null, texts: await pageTexts(request, ["home"]) };
}

export default function Home() {
  const { firstName } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <section className="hero">
        {firstName ? <p className="greeting">{t("home.welcomeBack", { name: firstName })}</p> : null}
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p>{t("home.minkaMeaning")}</p>
      </section>
      <div className="cards">
        <section className="card">
          <h2>{t("home.coursesTitle")}</h2>
          <p>{t("home.coursesText")}</p>
          <Link to="/courses" className="button primary">
            {t("home.coursesCta")}
          </Link>
        </section>
        <section className="card">
          <h2>{t("home.workshopsTitle")}</h2>
          <p>{t("home.workshopsText")}</p>
          <Link to="/workshops" className="button primary">
            {t("home.workshopsCta")}
          </Link>
        </section>
        {firstName ? null : (
          <section className="card">
            <h2>{t("home.startTitle")}</h2>
            <p>{t("home.startText")}</p>
            <Link to="/signup" className="button">
              {t("common.nav.signup")}
            </Link>
          </section>
        )}
      </div>
    </>
  );
}
