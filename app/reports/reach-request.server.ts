import { hasRole } from "../domain/roles";
import { parseReachFilters, type FilterError, type Period, type ReachFilters } from "../domain/reach-filters";
import { refreshLocalDates } from "../models/local-dates.server";
import { countLikelyDuplicates } from "../models/person-ledger.server";
import {
  dataYearRange,
  defaultPeriod,
  listCourses,
  listFacilitators,
  listVisibleWorkshops,
} from "../models/reach-options.server";
import { computeReachReport, type ReachReport, type ReachViewer } from "../models/reach.server";
import { reuseWhileUnchanged } from "../models/reach-cache.server";
import { requireRole } from "../auth/user.server";
import { getDb, type DB } from "../utils/db.server";
import { localDate } from "../utils/dates";

export type ReportError =
  | FilterError
  | "reports.errors.workshopUnknown"
  | "reports.errors.facilitatorUnknown"
  | "reports.errors.courseUnknown";

export interface ReachRequest {
  viewer: ReachViewer;
  filters: ReachFilters;
  errors: ReportError[];
  report: ReachReport | null;
  /** Likely duplicates waiting (managers only). */
  duplicates: number | null;
  options: {
    workshops: Array<{ id: number; title: string }>;
    facilitators: Array<{ id: number; full_name: string }>;
    courses: Array<{ id: number; title: string }>;
    years: { first: number; last: number };
  };
  generatedAt: string;
}

/**
 * Shared by the report page, its print view, its downloads: the guard, the filters from the URL,
 * their existence and permission checks, and the report. A filter that names something the viewer
 * may not see gives the same message as one that does not exist, and no figures.
 */
export async function loadReachRequest(request: Request): Promise<ReachRequest> {
  const user = await requireRole(request, "facilitator");
  const viewer: ReachViewer = { accountId: user.accountId, seesAll: hasRole(user.role, "manager") };
  const db = await getDb();
  // Local dates only go stale when a session, its workshop or an enrolment changes, which moves the
  // reach data version: with the data unchanged there is nothing to look for.
  await reuseWhileUnchanged(db, "local-dates-refreshed", async () => (await refreshLocalDates(db), true));
  const now = new Date().toISOString();
  const today = localDate(now);
  // Everything here reads tables the reach data version watches; "today" is in the key for the default period and the years.
  const { options, period } = await reuseWhileUnchanged(
    db,
    JSON.stringify(["reach-options", viewer.seesAll ? "all" : viewer.accountId, today]),
    () => loadOptions(db, viewer, today),
  );
  const parsed = parseReachFilters(new URL(request.url).searchParams, period);
  const errors: ReportError[] = parsed.ok ? [] : [...parsed.errors];
  const { filters } = parsed;
  const { workshops, facilitators, courses } = options;

  if (filters.workshopId && !workshops.some((w) => w.id === filters.workshopId))
    errors.push("reports.errors.workshopUnknown");
  if (filters.facilitatorId) {
    const allowed = viewer.seesAll
      ? facilitators.some((f) => f.id === filters.facilitatorId)
      : filters.facilitatorId === viewer.accountId;
    if (!allowed) errors.push("reports.errors.facilitatorUnknown");
  }
  if (filters.courseId && !courses.some((c) => c.id === filters.courseId)) errors.push("reports.errors.courseUnknown");

  const report = errors.length ? null : await computeReachReport(db, filters, viewer);
  return {
    viewer,
    filters,
    errors,
    report,
    duplicates:
      viewer.seesAll && report
        ? await reuseWhileUnchanged(db, "likely-duplicates", () => countLikelyDuplicates(db))
        : null,
    options,
    generatedAt: now,
  };
}

/** What the filters offer this viewer, and the period shown when none is asked for. */
async function loadOptions(
  db: DB,
  viewer: ReachViewer,
  today: string,
): Promise<{ options: ReachRequest["options"]; period: Period }> {
  const workshops = await listVisibleWorkshops(db, viewer);
  return {
    options: {
      workshops: workshops.map((w) => ({ id: w.id, title: w.title })),
      facilitators: viewer.seesAll ? await listFacilitators(db) : [],
      courses: viewer.seesAll ? await listCourses(db) : [],
      years: await dataYearRange(db, today),
    },
    period: await defaultPeriod(db, viewer, today),
  };
}
