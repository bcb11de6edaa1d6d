import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/user.server";
import { exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";
import { sheetName } from "../domain/sheet-names";
import type { T } from "../i18n/keys";
import { personDataDownload } from "../downloads/person-data.server";

/**
 * GET /account/data/download?format=json|csv|xlsx — the logged-in person's own data as a file.
 * A resource route: the readable page (/account/data) cannot answer with a file itself.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  return personDataDownload(
    user.personId,
    new URL(request.url).searchParams.get("format"),
    (ext) => exportFilename(t, "myData", { ext }),
    sheetName("person-data", t as T),
  );
}
