import { Form } from "@remix-run/react";
import { LOCALES } from "../../db/schema";
import { useI18n } from "../i18n/use-translation";

/** One submit button per language: works without JavaScript and needs no select. */
export function LanguageSwitch({ redirectTo }: { redirectTo: string }) {
  const { t, locale } = useI18n();
  return (
    <Form method="post" action="/language" className="language-switch" aria-label={t("common.language.change")}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="lang"
          value={code}
          lang={code}
          aria-pressed={code === locale}
          className="language-button"
        >
          {t(`common.language.${code}`)}
        </button>
      ))}
    </Form>
  );
}
