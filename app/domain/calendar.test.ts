import { describe, expect, it } from "vitest";
import { workshopCalendar } from "./calendar";

const workshop = {
  id: 12,
  title: "Contabilidad básica para cooperativas, con ejemplos de la vida diaria de una cooperativa cafetalera",
  description: "Cuentas claras, socios contentos.",
  place: "Local de la cooperativa, Jr. Lima 123, Quillabamba",
  joinUrl: "https://zoom.us/j/123456789",
  status: "published" as const,
};
const sessions = [
  { id: 31, starts_at: "2026-03-12T15:00:00.000Z", ends_at: "2026-03-12T17:00:00.000Z" },
  { id: 32, starts_at: "2026-03-19T15:00:00.000Z", ends_at: "2026-03-19T17:30:00.000Z" },
];
const options = { pageUrl: "https://minka.example/workshops/12", host: "minka.example" };

/** Unfolds RFC 5545 continuation lines. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

describe("workshopCalendar", () => {
  const ics = workshopCalendar(workshop, sessions, options);
  const lines = unfold(ics);

  it("is a valid iCalendar envelope with CRLF lines of at most 75 octets", () => {
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines.filter(Boolean).at(-1)).toBe("END:VCALENDAR");
    for (const raw of ics.split("\r\n")) expect(Buffer.byteLength(raw, "utf8")).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("has one event per session at the right UTC instants, with stable UIDs", () => {
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines).toContain("DTSTART:20260312T150000Z");
    expect(lines).toContain("DTEND:20260312T170000Z");
    expect(lines).toContain("DTSTART:20260319T150000Z");
    expect(lines).toContain("DTEND:20260319T173000Z");
    expect(lines).toContain("UID:workshop-12-session-31@minka.example");
    expect(lines).toContain("UID:workshop-12-session-32@minka.example");
    expect(lines.filter((l) => l.startsWith("DTSTAMP:"))).toHaveLength(2);
  });

  it("numbers the sessions in the titles and keeps accents", () => {
    expect(lines.some((l) => l.startsWith("SUMMARY:Contabilidad básica") && l.endsWith("(1/2)"))).toBe(true);
    expect(lines.some((l) => l.startsWith("SUMMARY:") && l.endsWith("(2/2)"))).toBe(true);
  });

  it("includes the place and the join link only when given", () => {
    expect(lines.some((l) => l.startsWith("LOCATION:") && l.includes("Quillabamba") && l.includes("zoom.us"))).toBe(
      true,
    );
    const publicIcs = unfold(workshopCalendar({ ...workshop, joinUrl: null }, sessions, options)).join("\n");
    expect(publicIcs).not.toContain("zoom.us");
  });

  it("marks the events of a cancelled workshop as cancelled", () => {
    expect(unfold(workshopCalendar({ ...workshop, status: "cancelled" }, sessions, options))).toContain(
      "STATUS:CANCELLED",
    );
  });
});
