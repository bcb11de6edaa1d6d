import { z } from "zod";
import { COUNTRIES } from "../domain/countries";
import { isRegionOf } from "../domain/regions";
import { text } from "./fields.server";

/**
 * Where a person lives, as every form that creates or edits a person asks it
 * (components/place-fields.tsx). "" is "No sabe": stored as null.
 */
export function countryField() {
  return text()
    .pipe(z.union([z.literal(""), z.enum(COUNTRIES)], { error: "people.place.errors.countryUnknown" }))
    .transform((value) => value || null);
}

export function regionField() {
  return text()
    .pipe(z.string().max(20, { error: "people.place.errors.regionUnknown" }))
    .transform((value) => value || null);
}

/** For `.superRefine` on a form with `country` and `region`: the region must be one of that country's. */
export function checkRegion(
  form: { country: string | null; region: string | null },
  ctx: { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void },
) {
  if (form.region && !isRegionOf(form.country, form.region)) {
    ctx.addIssue({ code: "custom", path: ["region"], message: "people.place.errors.regionNotOfCountry" });
  }
}

/** Country and region alone, e.g. for everyone a report review adds as a new person. */
export const PlaceSchema = z.object({ country: countryField(), region: regionField() }).superRefine(checkRegion);
