import type { MetaFunction } from "@remix-run/node";
import { useI18n } from "../i18n/use-translation";

export const meta: MetaFunction = () => [{ title: "Minka" }];

/**
 * A page with no data of its own: a health check for operators, and the
 * framework floor that `npm run bench` measures every other page against.
 */
export default function Status() {
  const { t } = useI18n();
  return <p>{t("common.status")}</p>;
}
