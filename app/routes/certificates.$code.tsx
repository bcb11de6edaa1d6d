import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { normalizeCertificateCode } from "../domain/certificate";
import { hasRole } from "../domain/roles";
import { useI18n } from "../i18n/use-translation";
import { findCertificateByCode } from "../models/certificate.server";
import styles from "../styles/learning.css";
import { getUser } from "../auth/user.server";
import { formatDate } from "../utils/dates";
import { getDb } from "../utils/db.server";
import { CertificateLookup } from "./certificates._index";
import { WhatsAppLink } from "../components/whatsapp-link";
import { certificateShareMessage, whatsappHref } from "../domain/share-text.server";
import type { T } from "../i18n/keys";
import { appUrl } from "../models/workshop-mail.server";
import { getTranslator } from "../utils/locale.server";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";
import { SCRIPTS_ON_FIRST_USE } from "../components/deferred-scripts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
// Names of real people: keep the page out of search engines.
export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "learning.certificate.title") },
  { name: "robots", content: "noindex" },
];

/** Public: confirms name, course, date and hours, and nothing else about the person. */
/** Read more than worked: the scripts can wait for first use (decision 034). */
export const handle = SCRIPTS_ON_FIRST_USE;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const typed = (params.code ?? "").slice(0, 64);
  const code = normalizeCertificateCode(typed);
  const certificate = code ? await findCertificateByCode(await getDb(), code) : undefined;
  const texts = await pageTexts(request, ["learning.certificate", "exports.share.whatsapp"]);
  if (!certificate) return data({ found: false as const, code: typed, texts }, { status: 404 });
  const user = await getUser(request);
  const mayDownload = Boolean(user && (user.personId === certificate.personId || hasRole(user.role, "facilitator")));
  const { t } = await getTranslator(request);
  return {
    found: true as const,
    code: certificate.code,
    fullName: certificate.fullName,
    courseTitle: certificate.courseTitle,
    completedAt: certificate.completedAt,
    hours: certificate.hours,
    mayDownload,
    share: whatsappHref(certificateShareMessage(t as T, appUrl(), certificate)),
    texts,
  };
}

export default function CertificatePage() {
  const result = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  if (!result.found) {
    return (
      <div className="narrow">
        <h1>{t("learning.certificate.notFoundTitle")}</h1>
        <p className="form-error" role="alert">
          {t("learning.certificate.notFound", { code: result.code })}
        </p>
        <CertificateLookup defaultValue={result.code} />
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("learning.certificate.valid")}</h1>
      <div className="certificate-card">
        <p className="certificate-valid">{t("learning.certificate.confirms")}</p>
        <dl>
          <dt>{t("learning.certificate.name")}</dt>
          <dd>{result.fullName}</dd>
          <dt>{t("learning.certificate.course")}</dt>
          <dd>{result.courseTitle}</dd>
          <dt>{t("learning.certificate.date")}</dt>
          <dd>{formatDate(result.completedAt, locale)}</dd>
          <dt>{t("learning.certificate.duration")}</dt>
          <dd>{t("learning.certificate.hours", { count: result.hours })}</dd>
          <dt>{t("learning.certificate.codeIs")}</dt>
          <dd>{result.code}</dd>
        </dl>
      </div>
      <p className="actions">
        {result.mayDownload ? (
          <a href={`/certificates/${result.code}/pdf`} className="button primary" download>
            {t("learning.certificate.download")}
          </a>
        ) : null}
        <WhatsAppLink href={result.share} />
      </p>
    </div>
  );
}
