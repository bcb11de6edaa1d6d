/**
 * A key for comparing people's names: accents, case, punctuation, extra spaces
 * and word order do not matter ("Quispe Mamani, Rosa" = "rosa quispe mamani").
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(" ");
}

/** Trims and collapses inner whitespace, for storing a name as typed. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}
