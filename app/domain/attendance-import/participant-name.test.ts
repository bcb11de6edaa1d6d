import { describe, expect, it } from "vitest";
import { parseAttendanceReport } from "./index";
import { mergeParticipants } from "./merge";

const options = { timeZone: "America/Lima", sessionDate: "2026-11-19" };
const header = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n";
const at = (name: string, email = "") => `${name},${email},11/19/2026 10:00:00 AM,11/19/2026 10:30:00 AM,30,No\n`;

async function parse(lines: string) {
  const outcome = await parseAttendanceReport(header + lines, options);
  if (!outcome.ok) throw new Error(outcome.error.code);
  return outcome.report;
}

async function people(lines: string) {
  const report = await parse(lines);
  return (await mergeParticipants(report.rows, report.format)).map((p) => [p.name, p.role, p.guest]);
}

describe("Zoom's 'Name (Original Name)' column", () => {
  it("reads a role marker in parentheses as a flag, not as the name", async () => {
    expect(
      await people(
        at("Carla Díaz (Host)", "carla@example.test") +
          at("Dora Paz (Co-host)") +
          at("Eva Soto (Anfitrión)") +
          at("Flor Ruiz (Coanfitriona)") +
          at("Gina Luna (Guest)") +
          at("Hugo Vera (Invitado)") +
          at("Iris Mora (Zoom)") +
          at('"Julia Rey (Host, Guest)"'),
      ),
    ).toEqual([
      ["Carla Díaz", "host", false],
      ["Dora Paz", "host", false],
      ["Eva Soto", "host", false],
      ["Flor Ruiz", "host", false],
      ["Gina Luna", "attendee", true],
      ["Hugo Vera", "attendee", true],
      ["Iris Mora", "attendee", false],
      ["Julia Rey", "host", true],
    ]);
  });

  it("names a person by the best full name, whichever half of the column it is in", async () => {
    expect(await people(at("Beto Ramos Quispe (Beto)") + at("Teo (Teodoro Mamani Ccori)"))).toEqual([
      ["Beto Ramos Quispe", "attendee", false],
      ["Teodoro Mamani Ccori", "attendee", false],
    ]);
    const [beto] = await mergeParticipants((await parse(at("Beto Ramos Quispe (Beto)"))).rows, "zoom-meeting");
    expect(beto.otherNames).toEqual(["Beto"]);
  });

  it("leaves out a row whose name is empty or only a role marker, saying which line", async () => {
    const report = await parse(at("") + at("(Host)") + at("Anfitrión") + at("Rosa Quispe"));
    expect(report.rows.map((row) => row.name)).toEqual(["Rosa Quispe"]);
    expect(report.problems).toEqual([
      { line: 2, code: "missingName", skipped: true },
      { line: 3, code: "missingName", skipped: true },
      { line: 4, code: "missingName", skipped: true },
    ]);
  });

  it("names a row that has only a role marker and an e-mail after the e-mail", async () => {
    const report = await parse(at("(Host)", "carla@example.test"));
    expect(report.rows.map((row) => [row.name, row.role])).toEqual([["carla@example.test", "host"]]);
  });
});
