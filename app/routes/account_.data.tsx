import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/user.server";
import { exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";
import { personDataDownload } from "../downloads/person-data.server";

/** GET /account/data?format=json|csv|xlsx — the logged-in person's own data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  return personDataDownload(user.personId, new URL(request.url).searchParams.get("format"), (ext) =>
    exportFilename(t, "myData", { ext }),
  );
}
