import type { LoaderFunctionArgs } from "@remix-run/node";
import { personHasAccount } from "../models/account.server";
import { recordAudit } from "../models/audit.server";
import { personExists } from "../models/person.server";
import { requireRole } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { exportFilename } from "../utils/export-filename";
import { getTranslator } from "../utils/locale.server";
import { sheetName } from "../domain/sheet-names";
import type { T } from "../i18n/keys";
import { personDataDownload } from "../downloads/person-data.server";

/**
 * GET /staff/people/:personId/data?format=json|csv|xlsx — a programme manager answers a
 * data-access request for someone without a login. Someone with a login downloads
 * their own data in "Mi cuenta": staff never get a copy of an account holder's
 * data behind their back. Every export is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "manager");
  const personId = Number(params.personId);
  if (!(await personExists(await getDb(), personId))) throw new Response("Not found", { status: 404 });
  const { t } = await getTranslator(request);
  if (await personHasAccount(await getDb(), personId)) {
    throw new Response(t("privacy.staffExport.hasLogin"), {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const format = new URL(request.url).searchParams.get("format");
  await recordAudit(await getDb(), {
    actorAccountId: staff.accountId,
    action: "person.exported",
    subjectType: "person",
    subjectId: personId,
    details: { format },
  });
  return personDataDownload(
    personId,
    format,
    (ext) => exportFilename(t, "personData", { subject: personId, ext }),
    sheetName("person-data", t as T),
  );
}
