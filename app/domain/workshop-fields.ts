import type { Modality, WorkshopStatus } from "../../db/schema";

/** Choices and limits of the workshop form, shared by the browser form and server validation (no schema library here). */
export const MODALITIES = ["online", "in_person", "hybrid"] as const satisfies readonly Modality[];
export const WORKSHOP_STATUSES = ["draft", "published", "cancelled"] as const satisfies readonly WorkshopStatus[];
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const CAPACITY_MAX = 100_000;
