import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useI18n } from "../i18n/use-translation";
import { requireRole } from "../auth/user.server";
import { pageTexts } from "../i18n/page-texts.server";

/** Layout for the admin pages. Each child loader and action still checks the role itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { texts: await pageTexts(request, ["admin", "privacy.admin", "privacy.audit"]) };
}

export default function AdminLayout() {
  const { t } = useI18n();
  return (
    <>
      <nav aria-label={t("common.nav.admin")} className="subnav">
        <ul>
          <li>
            <NavLink to="/admin/accounts">{t("admin.accounts.title")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/privacy">{t("privacy.admin.title")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/audit">{t("privacy.audit.title")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
