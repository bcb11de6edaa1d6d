import crypto from "node:crypto";
import { nameKey } from "../names";
import { toMinutes, type Participant } from "./merge";
import type { ReportFormat, ReportMeeting } from "./types";

/**
 * What a report says, whatever its bytes (docs/decisions/022): the meeting it names, when the
 * format names one, and a hash of its merged participant set. Line ends, encoding, a BOM, quoting
 * and the order of rows change the file's SHA-256 but neither of these.
 */
export interface ReportIdentity {
  /** `platform:meeting id digits:start minute (UTC)`; null when the report names no meeting (a sign-in sheet). */
  meetingKey: string | null;
  participantsHash: string;
}

export function reportIdentity(
  format: ReportFormat,
  meeting: ReportMeeting,
  participants: Participant[],
): ReportIdentity {
  return { meetingKey: meetingKey(format, meeting), participantsHash: participantsHash(participants) };
}

/**
 * The same report: the same participants with the same minutes and marks, and not two different
 * meetings. A later export of the same meeting with more people (or other minutes) is another report.
 */
export function sameReport(a: ReportIdentity, b: ReportIdentity): boolean {
  if (a.participantsHash !== b.participantsHash) return false;
  return a.meetingKey === null || b.meetingKey === null || a.meetingKey === b.meetingKey;
}

function meetingKey(format: ReportFormat, meeting: ReportMeeting): string | null {
  const platform = format === "teams" ? "teams" : format === "sign-in-sheet" ? null : "zoom";
  if (!platform) return null;
  const id = (meeting.meetingId ?? "").replace(/\D/g, "");
  // To the minute: a spreadsheet that re-saves the file may drop the seconds.
  const start = meeting.startsAt?.slice(0, 16) ?? "";
  return id || start ? `${platform}:${id}:${start}` : null;
}

function participantsHash(participants: Participant[]): string {
  const lines = participants
    .map((p) =>
      [identityOf(p), p.timed ? toMinutes(p.seconds) : "-", p.present === null ? "-" : p.present ? "y" : "n"].join("|"),
    )
    .sort();
  return crypto.createHash("sha256").update(lines.join("\n")).digest("hex");
}

/** A participant by e-mail, else phone, else every spelling of the name (its order in the file does not matter). */
function identityOf(p: Participant): string {
  if (p.email) return `e:${p.email}`;
  if (p.phone) return `p:${p.phone}`;
  return `n:${[...new Set([p.name, ...p.otherNames].map(nameKey))].sort().join("/")}`;
}

/**
 * The keys an earlier decision about a participant is found again by, in a later export of the
 * same session: e-mail and phone when the report has them, else the name's spellings. Hashed,
 * so no name or contact is copied into the import's record.
 */
export function participantKeys(p: Pick<Participant, "email" | "phone" | "name" | "otherNames">): string[] {
  const plain =
    p.email || p.phone
      ? [p.email && `e:${p.email}`, p.phone && `p:${p.phone}`].filter((k): k is string => Boolean(k))
      : [...new Set([p.name, ...p.otherNames].map(nameKey).filter(Boolean))].map((k) => `n:${k}`);
  return plain.map((key) => crypto.createHash("sha256").update(key).digest("hex").slice(0, 32));
}
