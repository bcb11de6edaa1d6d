import type { Country } from "./countries";

/**
 * First-level subdivisions (ISO 3166-2) of the programme's five countries, with the names
 * people use in Spanish. Place names are the same in both locales, so they are data, not messages.
 *
 * Aliases are codes and names that earlier editions of ISO 3166-2 (or everyday speech) use for
 * the same place: Guatemala's letter codes (replaced by numbers in 2021) and the Dominican
 * Republic's provinces, which ISO lists under its ten regions. Imports accept them and store the region.
 */
export type ProgrammeCountry = Exclude<Country, "OTHER">;

export interface Region {
  code: string;
  name: string;
  aliases?: readonly string[];
}

const PERU: readonly Region[] = [
  { code: "PE-AMA", name: "Amazonas" },
  { code: "PE-ANC", name: "Áncash" },
  { code: "PE-APU", name: "Apurímac" },
  { code: "PE-ARE", name: "Arequipa" },
  { code: "PE-AYA", name: "Ayacucho" },
  { code: "PE-CAJ", name: "Cajamarca" },
  { code: "PE-CAL", name: "Callao", aliases: ["El Callao"] },
  { code: "PE-CUS", name: "Cusco", aliases: ["Cuzco"] },
  { code: "PE-HUV", name: "Huancavelica" },
  { code: "PE-HUC", name: "Huánuco" },
  { code: "PE-ICA", name: "Ica" },
  { code: "PE-JUN", name: "Junín" },
  { code: "PE-LAL", name: "La Libertad" },
  { code: "PE-LAM", name: "Lambayeque" },
  { code: "PE-LIM", name: "Lima (región)", aliases: ["Lima Provincias", "Región Lima"] },
  { code: "PE-LMA", name: "Lima Metropolitana", aliases: ["Lima", "Municipalidad Metropolitana de Lima"] },
  { code: "PE-LOR", name: "Loreto" },
  { code: "PE-MDD", name: "Madre de Dios" },
  { code: "PE-MOQ", name: "Moquegua" },
  { code: "PE-PAS", name: "Pasco" },
  { code: "PE-PIU", name: "Piura" },
  { code: "PE-PUN", name: "Puno" },
  { code: "PE-SAM", name: "San Martín" },
  { code: "PE-TAC", name: "Tacna" },
  { code: "PE-TUM", name: "Tumbes" },
  { code: "PE-UCA", name: "Ucayali" },
];

const GUATEMALA: readonly Region[] = [
  { code: "GT-16", name: "Alta Verapaz", aliases: ["GT-AV"] },
  { code: "GT-15", name: "Baja Verapaz", aliases: ["GT-BV"] },
  { code: "GT-04", name: "Chimaltenango", aliases: ["GT-CM"] },
  { code: "GT-20", name: "Chiquimula", aliases: ["GT-CQ"] },
  { code: "GT-02", name: "El Progreso", aliases: ["GT-PR"] },
  { code: "GT-05", name: "Escuintla", aliases: ["GT-ES"] },
  { code: "GT-01", name: "Guatemala", aliases: ["GT-GU"] },
  { code: "GT-13", name: "Huehuetenango", aliases: ["GT-HU"] },
  { code: "GT-18", name: "Izabal", aliases: ["GT-IZ"] },
  { code: "GT-21", name: "Jalapa", aliases: ["GT-JA"] },
  { code: "GT-22", name: "Jutiapa", aliases: ["GT-JU"] },
  { code: "GT-17", name: "Petén", aliases: ["GT-PE"] },
  { code: "GT-09", name: "Quetzaltenango", aliases: ["GT-QZ", "Xela"] },
  { code: "GT-14", name: "Quiché", aliases: ["GT-QC", "El Quiché"] },
  { code: "GT-11", name: "Retalhuleu", aliases: ["GT-RE"] },
  { code: "GT-03", name: "Sacatepéquez", aliases: ["GT-SA"] },
  { code: "GT-12", name: "San Marcos", aliases: ["GT-SM"] },
  { code: "GT-06", name: "Santa Rosa", aliases: ["GT-SR"] },
  { code: "GT-07", name: "Sololá", aliases: ["GT-SO"] },
  { code: "GT-10", name: "Suchitepéquez", aliases: ["GT-SU"] },
  { code: "GT-08", name: "Totonicapán", aliases: ["GT-TO"] },
  { code: "GT-19", name: "Zacapa", aliases: ["GT-ZA"] },
];

const EL_SALVADOR: readonly Region[] = [
  { code: "SV-AH", name: "Ahuachapán" },
  { code: "SV-CA", name: "Cabañas" },
  { code: "SV-CH", name: "Chalatenango" },
  { code: "SV-CU", name: "Cuscatlán" },
  { code: "SV-LI", name: "La Libertad" },
  { code: "SV-PA", name: "La Paz" },
  { code: "SV-UN", name: "La Unión" },
  { code: "SV-MO", name: "Morazán" },
  { code: "SV-SM", name: "San Miguel" },
  { code: "SV-SS", name: "San Salvador" },
  { code: "SV-SV", name: "San Vicente" },
  { code: "SV-SA", name: "Santa Ana" },
  { code: "SV-SO", name: "Sonsonate" },
  { code: "SV-US", name: "Usulután" },
];

const DOMINICAN_REPUBLIC: readonly Region[] = [
  {
    code: "DO-33",
    name: "Cibao Nordeste",
    aliases: [
      "DO-06",
      "Duarte",
      "DO-14",
      "María Trinidad Sánchez",
      "DO-19",
      "Hermanas Mirabal",
      "Salcedo",
      "DO-20",
      "Samaná",
    ],
  },
  {
    code: "DO-34",
    name: "Cibao Noroeste",
    aliases: [
      "DO-05",
      "Dajabón",
      "DO-15",
      "Monte Cristi",
      "Montecristi",
      "DO-26",
      "Santiago Rodríguez",
      "DO-27",
      "Valverde",
    ],
  },
  { code: "DO-35", name: "Cibao Norte", aliases: ["DO-09", "Espaillat", "DO-18", "Puerto Plata", "DO-25", "Santiago"] },
  {
    code: "DO-36",
    name: "Cibao Sur",
    aliases: ["DO-13", "La Vega", "DO-24", "Sánchez Ramírez", "DO-28", "Monseñor Nouel"],
  },
  { code: "DO-37", name: "El Valle", aliases: ["DO-07", "Elías Piña", "DO-22", "San Juan"] },
  {
    code: "DO-38",
    name: "Enriquillo",
    aliases: ["DO-03", "Baoruco", "Bahoruco", "DO-04", "Barahona", "DO-10", "Independencia", "DO-16", "Pedernales"],
  },
  {
    code: "DO-39",
    name: "Higuamo",
    aliases: ["DO-23", "San Pedro de Macorís", "DO-29", "Monte Plata", "DO-30", "Hato Mayor"],
  },
  { code: "DO-40", name: "Ozama", aliases: ["DO-01", "Distrito Nacional", "DO-32", "Santo Domingo"] },
  {
    code: "DO-41",
    name: "Valdesia",
    aliases: ["DO-02", "Azua", "DO-17", "Peravia", "DO-21", "San Cristóbal", "DO-31", "San José de Ocoa"],
  },
  {
    code: "DO-42",
    name: "Yuma",
    aliases: ["DO-08", "El Seibo", "El Seybo", "DO-11", "La Altagracia", "DO-12", "La Romana"],
  },
];

const HONDURAS: readonly Region[] = [
  { code: "HN-AT", name: "Atlántida" },
  { code: "HN-CH", name: "Choluteca" },
  { code: "HN-CL", name: "Colón" },
  { code: "HN-CM", name: "Comayagua" },
  { code: "HN-CP", name: "Copán" },
  { code: "HN-CR", name: "Cortés" },
  { code: "HN-EP", name: "El Paraíso" },
  { code: "HN-FM", name: "Francisco Morazán" },
  { code: "HN-GD", name: "Gracias a Dios" },
  { code: "HN-IN", name: "Intibucá" },
  { code: "HN-IB", name: "Islas de la Bahía" },
  { code: "HN-LP", name: "La Paz" },
  { code: "HN-LE", name: "Lempira" },
  { code: "HN-OC", name: "Ocotepeque" },
  { code: "HN-OL", name: "Olancho" },
  { code: "HN-SB", name: "Santa Bárbara" },
  { code: "HN-VA", name: "Valle" },
  { code: "HN-YO", name: "Yoro" },
];

export const REGIONS: Readonly<Record<ProgrammeCountry, readonly Region[]>> = {
  PE: PERU,
  GT: GUATEMALA,
  SV: EL_SALVADOR,
  DO: DOMINICAN_REPUBLIC,
  HN: HONDURAS,
};

/** The regions a person of `country` can be from; none for "another country" or an unknown one. */
export function regionsOf(country: string | null | undefined): readonly Region[] {
  return country && Object.hasOwn(REGIONS, country) ? REGIONS[country as ProgrammeCountry] : [];
}

const BY_CODE = new Map(Object.values(REGIONS).flatMap((list) => list.map((region) => [region.code, region] as const)));

/** The Spanish name of a region code; a value that is not a code (older free text) is shown as it is. */
export function regionName(code: string | null | undefined): string | null {
  if (!code) return null;
  return BY_CODE.get(code)?.name ?? code;
}

export function isRegionOf(country: string | null | undefined, code: string): boolean {
  return regionsOf(country).some((region) => region.code === code);
}

function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim();
}

/**
 * The region code meant by what someone typed or a file holds for a person of `country`:
 * a code (any case), an older code or a name (accents and case do not matter).
 * `null` when nothing of that country matches, so the caller can say "not a region of …".
 */
export function resolveRegion(country: string | null | undefined, input: string): string | null {
  const wanted = fold(input);
  if (!wanted) return null;
  for (const region of regionsOf(country)) {
    const names = [region.code, region.name, ...(region.aliases ?? [])];
    if (names.some((name) => fold(name) === wanted)) return region.code;
  }
  return null;
}
