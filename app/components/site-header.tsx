import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { Role } from "../../db/schema";
import { hasRole } from "../domain/roles";
import { useI18n } from "../i18n/use-translation";
import type { TextSize } from "../domain/text-size";
import { LanguageSwitch } from "./language-switch";
import { TextSizeSwitch } from "./text-size-switch";

export interface HeaderUser {
  fullName: string;
  role: Role;
}

export function SiteHeader({ user, textSize }: { user: HeaderUser | null; textSize: TextSize }) {
  const { t } = useI18n();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <header className="site-header">
      <div className="header-top">
        <Link to="/" className="brand">
          <span className="brand-name">{t("common.siteName")}</span>
          <span className="brand-tagline">{t("common.tagline")}</span>
        </Link>
        <TextSizeSwitch size={textSize} redirectTo={here} />
        <LanguageSwitch redirectTo={here} />
      </div>
      <nav aria-label={t("common.nav.label")}>
        <ul className="nav-list">
          <li>
            <NavLink to="/" end>
              {t("common.nav.home")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/courses">{t("common.nav.courses")}</NavLink>
          </li>
          <li>
            <NavLink to="/workshops">{t("common.nav.workshops")}</NavLink>
          </li>
          {user ? (
            <li>
              <NavLink to="/me/learning">{t("common.nav.myLearning")}</NavLink>
            </li>
          ) : null}
          {user && hasRole(user.role, "facilitator") ? (
            <li>
              <NavLink to="/staff/courses">{t("learning.staff.nav")}</NavLink>
            </li>
          ) : null}
          {user && hasRole(user.role, "facilitator") ? (
            <li>
              <NavLink to="/staff/workshops">{t("workshops.nav.myWorkshops")}</NavLink>
            </li>
          ) : null}
          {user && hasRole(user.role, "facilitator") ? (
            <li>
              <NavLink to="/reports">{t("common.nav.reports")}</NavLink>
            </li>
          ) : null}
          {user && hasRole(user.role, "facilitator") ? (
            <li>
              <NavLink to="/staff/people">{t("people.staff.nav")}</NavLink>
            </li>
          ) : null}
          {user && hasRole(user.role, "admin") ? (
            <li>
              <NavLink to="/admin/accounts">{t("common.nav.admin")}</NavLink>
            </li>
          ) : null}
          {user ? (
            <>
              <li>
                <NavLink to="/account">{t("common.nav.account")}</NavLink>
              </li>
              <li>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("common.nav.logout")}
                  </button>
                </Form>
              </li>
            </>
          ) : (
            <>
              <li>
                <NavLink to="/login">{t("common.nav.login")}</NavLink>
              </li>
              <li>
                <NavLink to="/signup">{t("common.nav.signup")}</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}
