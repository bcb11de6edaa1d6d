import { cleanName } from "../names";
import { normalizePhone } from "../contact";

const MAX_NAME = 200;

/** What Teams and Zoom append to a guest's name; it is a label, not part of the name. */
const GUEST_LABEL =
  /\s*\((guest|invitado|invitada|external|externo|externa|unverified|no comprobado|sin verificar)\)$/i;

export function stripGuestLabel(raw: string): { name: string; labelled: boolean } {
  const name = raw.replace(GUEST_LABEL, "");
  return { name, labelled: name !== raw };
}

/**
 * Zoom writes "Shown Name (Original Name)" when someone renamed themself in the meeting.
 * Both halves are kept: the original is usually the real name, the shown one may be a nickname.
 */
export function splitOriginalName(raw: string): { name: string; originalName: string | null } {
  const text = cleanName(raw.slice(0, MAX_NAME));
  const open = text.lastIndexOf("(");
  if (open > 0 && text.endsWith(")")) {
    const shown = text.slice(0, open).trim();
    const original = text.slice(open + 1, -1).trim();
    if (shown && original && !original.includes("(")) return { name: shown, originalName: original };
  }
  return { name: text, originalName: null };
}

/** People who dial in by phone appear under their number: use it as their phone. */
export function phoneFromName(name: string): string | null {
  if (!/^[+\d][\d\s().-]{6,24}$/.test(name.trim())) return null;
  return normalizePhone(name);
}
