import fc from "fast-check";
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import { ATTENDANCE_FIXTURES, fixtureText } from "../../../tests/support/attendance-fixtures";
import { parseAttendanceReport } from "./index";
import { mergeParticipants } from "./merge";

const fixtures = fs.readdirSync(ATTENDANCE_FIXTURES).map(fixtureText).filter(Boolean);
const options = { timeZone: "America/Lima", sessionDate: "2026-11-19" };

/** Parsing then merging must answer, never throw; each run is also bounded in time. */
async function survives(text: string) {
  const started = Date.now();
  const outcome = await parseAttendanceReport(text, options);
  if (outcome.ok) await mergeParticipants(outcome.report.rows, outcome.report.format);
  expect(typeof outcome.ok).toBe("boolean");
  // Generous on a shared machine: this catches hangs and runaway backtracking, not slowness.
  expect(Date.now() - started).toBeLessThan(5000);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ maxLength: 20, unit: "binary" }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    kind: fc.constant("swap" as const),
    at: fc.nat(),
    char: fc.constantFrom(",", "\t", '"', "\n", "\r", ";", "(", ")", "-", "\u0000"),
  }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), times: fc.integer({ min: 2, max: 50 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** Applies the mutations; the result stays under 100 000 characters, like the real files (5 MB is refused earlier). */
function mutate(text: string, steps: Mutation[]): string {
  let out = text;
  for (const step of steps) {
    const at = out.length ? step.at % out.length : 0;
    if (step.kind === "cut") out = out.slice(0, at);
    else if (step.kind === "insert") out = out.slice(0, at) + step.text + out.slice(at);
    else if (step.kind === "delete") out = out.slice(0, at) + out.slice(at + step.length);
    else if (step.kind === "swap") out = out.slice(0, at) + step.char + out.slice(at + 1);
    else {
      const lineStart = out.lastIndexOf("\n", at) + 1;
      const lineEnd = out.indexOf("\n", at) === -1 ? out.length : out.indexOf("\n", at) + 1;
      out = out.slice(0, lineEnd) + out.slice(lineStart, lineEnd).repeat(step.times) + out.slice(lineEnd);
    }
    out = out.slice(0, 100_000);
  }
  return out;
}

describe("parsers under random and mutated input", { timeout: 60_000 }, () => {
  it("answer random text with an outcome", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 400, unit: "binary" }), survives), {
      numRuns: 300,
      endOnFailure: true,
    });
  });

  it("answer random text behind every known header with an outcome", async () => {
    const headers = fixtures.map((text) => text.split(/\r?\n/).slice(0, 4).join("\n") + "\n");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...headers),
        fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }),
        (header, lines) => survives(header + lines.join("\n")),
      ),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it("answer mutated fixtures with an outcome", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (text, steps) => survives(mutate(text, steps)),
      ),
      {
        numRuns: 200,
        endOnFailure: true,
      },
    );
  });
});
