import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { Field } from "../components/field";
import { normalizeCertificateCode } from "../domain/certificate";
import { useI18n } from "../i18n/use-translation";
import styles from "../styles/learning.css";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "learning.certificate.title") },
  { name: "robots", content: "noindex" },
];

/** A typed code goes to its verification page (a GET form: works without JavaScript). */
export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed) throw redirect(`/certificates/${encodeURIComponent(normalizeCertificateCode(typed) ?? typed.trim())}`);
  return { texts: await pageTexts(request, ["learning.certificate"]) };
}

export function CertificateLookup({ defaultValue }: { defaultValue?: string }) {
  const { t } = useI18n();
  return (
    <Form method="get" action="/certificates">
      <Field
        label={t("learning.certificate.code")}
        name="code"
        defaultValue={defaultValue}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <button type="submit" className="button primary">
        {t("learning.certificate.check")}
      </button>
    </Form>
  );
}

export default function CertificatesIndex() {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <h1>{t("learning.certificate.title")}</h1>
      <p>{t("learning.certificate.intro")}</p>
      <CertificateLookup />
    </div>
  );
}
