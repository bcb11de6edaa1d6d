import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "../models/audit.server";
import { listRegistrations } from "../models/registration.server";
import { csvResponse, toExcelCsv } from "../utils/csv.server";
import { formatShortDate, formatTime } from "../utils/dates";
import { getTranslator } from "../utils/locale.server";
import { requireWorkshopStaff } from "../utils/workshop-access.server";

/** `/staff/workshops/:id/registrations.csv`: everyone who registered, for Excel. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, workshop } = await requireWorkshopStaff(request, params.id);
  const { t, locale } = await getTranslator(request);
  // Keys built at run time (and `common.sexes`, whose "other" key the key type reads as a plural).
  const tr = t as (key: string) => string;
  const rows = await listRegistrations(db, workshop.id);
  await recordAudit(db, { actorAccountId: user.accountId, action: "workshop.registrations.export", subjectType: "workshop", subjectId: workshop.id, details: { rows: rows.length } });
  const header = ["name", "email", "phone", "sex", "birthYear", "cooperative", "status", "method", "registeredAt", "position"].map((key) =>
    tr(`workshops.csv.${key}`),
  );
  const body = toExcelCsv(
    header,
    rows.map((r) => [
      r.fullName,
      r.email,
      r.phone,
      tr(`common.sexes.${r.sex}`),
      r.birthYear,
      r.cooperative,
      tr(`workshops.registrationStatus.${r.status}`),
      tr(`workshops.staff.methods.${r.method}`),
      `${formatShortDate(r.created_at, locale, workshop.timezone)} ${formatTime(r.created_at, locale, workshop.timezone)}`,
      r.position,
    ]),
  );
  return csvResponse(`taller-${workshop.id}-inscripciones.csv`, body);
}
