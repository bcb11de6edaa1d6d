import { Form } from "@remix-run/react";
import type { TextSize } from "../domain/text-size";
import { useI18n } from "../i18n/use-translation";

/** A toggle button in a small form: works without JavaScript; the server renders the next page in the new size. */
export function TextSizeSwitch({ size, redirectTo }: { size: TextSize; redirectTo: string }) {
  const { t } = useI18n();
  const large = size === "large";
  return (
    <Form method="post" action="/text-size" className="text-size-switch">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button
        type="submit"
        name="size"
        value={large ? "normal" : "large"}
        aria-pressed={large}
        className="language-button"
      >
        {t("display.textSize.large")}
      </button>
    </Form>
  );
}
