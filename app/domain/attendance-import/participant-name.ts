import { cleanName } from "../names";
import { normalizePhone } from "../contact";

const MAX_NAME = 200;

/**
 * Labels Zoom and Teams add to a name, in English and Spanish: they say what someone was in the
 * meeting (host, guest, the Zoom app itself), never who they are.
 */
const HOST_MARKER = /^(host|co-?host|anfitri[oó]na?|co-?anfitri[oó]na?|organi[sz]er|organizador(a)?)$/i;
const GUEST_MARKER =
  /^(guest|invitad[oa]|external|extern[oa]|unverified|no comprobad[oa]|sin verificar|not verified)$/i;
const OTHER_MARKER = /^(zoom|me|yo)$/i;

function markerKind(word: string): "host" | "guest" | "other" | null {
  const text = word.trim();
  if (HOST_MARKER.test(text)) return "host";
  if (GUEST_MARKER.test(text)) return "guest";
  if (OTHER_MARKER.test(text)) return "other";
  return null;
}

export interface MarkedName {
  name: string;
  host: boolean;
  guest: boolean;
}

/**
 * Takes role markers off the end of a name: "Ana (Host)", "Ana (Host, Guest)", "Ana (Invitado) (Zoom)".
 * A name that is only a marker ("(Host)", "Anfitrión") comes back empty: it names no one.
 */
export function stripMarkers(raw: string): MarkedName {
  let name = cleanName(raw.slice(0, MAX_NAME));
  let host = false;
  let guest = false;
  // Most names carry no marker: no parenthesis at the end and longer than any marker word.
  if (!name.endsWith(")") && name.length > 16) return { name, host, guest };
  for (;;) {
    const match = /\(([^()]*)\)$/.exec(name);
    const words = match ? match[1].split(",") : [];
    const kinds = words.map(markerKind);
    if (!match || kinds.length === 0 || kinds.some((kind) => kind === null)) break;
    host ||= kinds.includes("host");
    guest ||= kinds.includes("guest");
    name = name.slice(0, match.index).trim();
  }
  const alone = markerKind(name);
  if (alone) {
    host ||= alone === "host";
    guest ||= alone === "guest";
    name = "";
  }
  return { name, host, guest };
}

/**
 * Zoom writes "Shown Name (Original Name)": the name shown at the end of the meeting, then the one
 * the person joined with. Both halves are kept, without role markers; which one names the person
 * is `bestName`'s choice.
 */
export function splitOriginalName(raw: string): MarkedName & { originalName: string | null } {
  const whole = stripMarkers(raw);
  const text = whole.name;
  const open = text.lastIndexOf("(");
  if (open > 0 && text.endsWith(")")) {
    const shown = stripMarkers(text.slice(0, open));
    const original = stripMarkers(text.slice(open + 1, -1));
    if (!text.slice(open + 1, -1).includes("(")) {
      const host = whole.host || shown.host || original.host;
      const guest = whole.guest || shown.guest || original.guest;
      if (shown.name && original.name) return { name: shown.name, originalName: original.name, host, guest };
      if (shown.name || original.name) return { name: shown.name || original.name, originalName: null, host, guest };
    }
  }
  return { name: whole.name, host: whole.host, guest: whole.guest, originalName: null };
}

/**
 * The spelling to name a person by: one with letters (not a phone number), then the one with the
 * most words ("Beto Ramos Quispe" over "Beto"), then the longest; on a tie, the first given.
 */
export function bestName(names: string[]): string {
  let best = names[0] ?? "";
  for (let n = 1; n < names.length; n++) {
    const [a, b] = [nameScore(names[n]), nameScore(best)];
    const i = a.findIndex((value, index) => value !== b[index]);
    if (i >= 0 && a[i] > b[i]) best = names[n];
  }
  return best;
}

const LETTER = /\p{Letter}/u;

function nameScore(name: string): number[] {
  return [LETTER.test(name) ? 1 : 0, name.split(/\s+/).filter((word) => LETTER.test(word)).length, name.length];
}

/** People who dial in by phone appear under their number: use it as their phone. */
export function phoneFromName(name: string): string | null {
  if (!/^[+\d][\d\s().-]{6,24}$/.test(name.trim())) return null;
  return normalizePhone(name);
}
