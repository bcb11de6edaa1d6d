/** The program's countries (ISO 3166-1 alpha-2) plus "OTHER". */
export const COUNTRIES = ["PE", "GT", "SV", "DO", "HN", "OTHER"] as const;
export type Country = (typeof COUNTRIES)[number];

export function phoneCountry(country: string | null | undefined): Exclude<Country, "OTHER"> | undefined {
  return country && country !== "OTHER" && (COUNTRIES as readonly string[]).includes(country)
    ? (country as Exclude<Country, "OTHER">)
    : undefined;
}
