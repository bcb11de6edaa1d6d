import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { eventSequence, uidDomain, workshopCalendar, type CalendarMethod } from "./calendar";

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
const options = { pageUrl: "https://minka.example/workshops/12", domain: "minka.example" };

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

/** The file as an independent parser (ical.js) reads it. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { method: calendar.getFirstPropertyValue("method"), events: calendar.getAllSubcomponents("vevent") };
}

describe("uidDomain", () => {
  it("is the host of APP_URL, or a fixed reserved name, never anything from a request", () => {
    expect(uidDomain("https://cursos.example.org/")).toBe("cursos.example.org");
    expect(uidDomain("http://localhost:3000")).toBe("localhost");
    expect(uidDomain(undefined)).toBe("minka.invalid");
    expect(uidDomain("not a url")).toBe("minka.invalid");
  });
});

describe("workshopCalendar revisions and iTIP methods", () => {
  const revised = [
    { ...sessions[0], calendar_sequence: 3, calendar_changed_at: "2026-03-01T10:20:30.000Z" },
    { ...sessions[1], calendar_sequence: 0, calendar_changed_at: null },
  ];
  const organizer = { name: "Minka", email: "no-reply@minka.test" };
  const attendee = { name: "Rosa Quispe", email: "rosa@example.org" };

  it("writes each session's SEQUENCE and LAST-MODIFIED, and stays PUBLISH without organizer for downloads", () => {
    const { method, events } = parse(workshopCalendar(workshop, revised, options));
    expect(method).toBe("PUBLISH");
    expect(events.map((e) => e.getFirstPropertyValue("sequence"))).toEqual([3, 0]);
    expect(String(events[0].getFirstPropertyValue("last-modified"))).toBe("2026-03-01T10:20:30Z");
    expect(events[1].hasProperty("last-modified")).toBe(false);
    expect(events[0].hasProperty("organizer")).toBe(false);
    expect(events[0].hasProperty("attendee")).toBe(false);
  });

  it("is an invitation (REQUEST) with the programme as ORGANIZER and the person as ATTENDEE", () => {
    const { method, events } = parse(
      workshopCalendar(workshop, revised, { ...options, method: "REQUEST", organizer, attendee }),
    );
    expect(method).toBe("REQUEST");
    for (const event of events) {
      expect(String(event.getFirstPropertyValue("organizer")).toLowerCase()).toBe("mailto:no-reply@minka.test");
      expect(event.getFirstProperty("organizer")!.getParameter("cn")).toBe("Minka");
      expect(String(event.getFirstPropertyValue("attendee")).toLowerCase()).toBe("mailto:rosa@example.org");
      expect(event.getFirstPropertyValue("status")).toBe("CONFIRMED");
    }
    expect(events.map((e) => e.getFirstPropertyValue("uid"))).toEqual([
      "workshop-12-session-31@minka.example",
      "workshop-12-session-32@minka.example",
    ]);
  });

  it("cancels (CANCEL) the same UIDs with a higher SEQUENCE and STATUS:CANCELLED", () => {
    const request = parse(workshopCalendar(workshop, revised, { ...options, method: "REQUEST", organizer, attendee }));
    const cancel = parse(workshopCalendar(workshop, revised, { ...options, method: "CANCEL", organizer, attendee }));
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events.map((e) => e.getFirstPropertyValue("uid"))).toEqual(
      request.events.map((e) => e.getFirstPropertyValue("uid")),
    );
    cancel.events.forEach((event, i) => {
      expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(Number(event.getFirstPropertyValue("sequence"))).toBeGreaterThan(
        Number(request.events[i].getFirstPropertyValue("sequence")),
      );
    });
  });

  it("lifts a person's files by two for each cancellation they were sent", () => {
    const sequences = (method: "REQUEST" | "CANCEL", cancellationsSent: number) =>
      parse(
        workshopCalendar(workshop, revised, { ...options, method, organizer, attendee, cancellationsSent }),
      ).events.map((e) => Number(e.getFirstPropertyValue("sequence")));
    expect(sequences("REQUEST", 0)).toEqual([3, 0]);
    expect(sequences("CANCEL", 0)).toEqual([4, 1]);
    expect(sequences("REQUEST", 1)).toEqual([5, 2]);
    expect(sequences("CANCEL", 2)).toEqual([8, 5]);
  });

  it("refuses an invitation or a cancellation without an organizer (RFC 5546 requires one)", () => {
    expect(() => workshopCalendar(workshop, revised, { ...options, method: "REQUEST" })).toThrow(/organizer/);
  });
});

describe("eventSequence", () => {
  type Step = "register" | "leave" | "move" | "cancelWorkshop" | "reopenWorkshop";

  /**
   * Plays what can happen to one person and one session, and returns the SEQUENCE of every file
   * they are sent, in order: staff move the session (raises its sequence), the person registers or
   * leaves, staff cancel the workshop or take it back (each raises the session's sequence).
   */
  function filesSent(steps: Step[]): number[] {
    let session = 0;
    let cancellations = 0;
    let registered = false;
    let workshopCancelled = false;
    const sent: number[] = [];
    const send = (method: CalendarMethod) => {
      sent.push(eventSequence(session, cancellations, method));
      if (method === "CANCEL") cancellations++;
    };
    for (const step of steps) {
      if (step === "move") {
        session++;
        if (registered && !workshopCancelled) send("REQUEST");
      } else if (step === "register" && !registered && !workshopCancelled) {
        registered = true;
        send("REQUEST");
      } else if (step === "leave" && registered) {
        registered = false;
        if (!workshopCancelled) send("CANCEL");
      } else if (step === "cancelWorkshop" && !workshopCancelled) {
        session++;
        workshopCancelled = true;
        if (registered) send("CANCEL");
      } else if (step === "reopenWorkshop" && workshopCancelled) {
        session++;
        workshopCancelled = false;
        if (registered) send("REQUEST");
      }
    }
    return sent;
  }

  it("puts an invitation after a cancellation above it: register, leave, register again", () => {
    expect(filesSent(["register", "leave", "register"])).toEqual([0, 1, 2]);
    expect(filesSent(["register", "leave", "register", "leave", "register"])).toEqual([0, 1, 2, 3, 4]);
  });

  it("never lets a file to the same person fall back or repeat a number, whatever happens", () => {
    const step = fc.constantFrom<Step>("register", "leave", "move", "cancelWorkshop", "reopenWorkshop");
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const sent = filesSent(steps);
        for (let i = 1; i < sent.length; i++) expect(sent[i]).toBeGreaterThan(sent[i - 1]);
      }),
    );
  });
});
