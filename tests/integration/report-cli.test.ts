import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/paths";

/** Runs `npm run report -- …` as an operator would (without npm's banner), on this file's database. */
function report(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/report.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run starts tsx on a busy 2-core machine: allow minutes, not seconds.
describe("npm run report on the command line", { timeout: 180_000 }, () => {
  it("--help prints every option and exits 0", () => {
    const { status, stdout, stderr } = report("--help");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run report -- /);
    for (const option of [
      "--fy",
      "--year",
      "--all",
      "--from",
      "--to",
      "--format",
      "--out",
      "--workshop-country",
      "--person-country",
      "--country",
      "--workshop",
      "--facilitator",
      "--course",
      "--enrolments",
      "--locale",
      "--help",
    ])
      expect(stdout).toContain(option);
  });

  it("an unknown option gets a plain message and the usage, not a stack trace, and a non-zero exit", () => {
    const { status, stdout, stderr } = report("--contry", "PE");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Unknown option --contry\./);
    expect(stderr).toContain("Usage: npm run report -- ");
    expect(stderr).not.toContain("ERR_PARSE_ARGS");
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("an option without its value, or a stray word, is refused the same way", () => {
    const missing = report("--fy");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^Option --fy needs a value\./);
    const stray = report("2026");
    expect(stray.status).toBe(2);
    expect(stray.stderr).toMatch(/^Unexpected argument "2026"\./);
  });
});
