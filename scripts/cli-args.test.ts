import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { explainArgsError } from "./cli-args";

const options = { fy: { type: "string" }, all: { type: "boolean" } } as const;
function refusal(args: string[]): unknown {
  try {
    parseArgs({ args, options });
  } catch (error) {
    return error;
  }
  throw new Error(`parseArgs accepted ${args.join(" ")}`);
}

describe("explainArgsError", () => {
  it("says in one sentence what parseArgs refused", () => {
    expect(explainArgsError(refusal(["--contry", "PE"]))).toBe("Unknown option --contry.");
    expect(explainArgsError(refusal(["--fy"]))).toBe("Option --fy needs a value.");
    expect(explainArgsError(refusal(["--all=yes"]))).toBe("Option --all takes no value.");
    expect(explainArgsError(refusal(["2026"]))).toBe('Unexpected argument "2026".');
  });

  it("leaves any other error alone", () => {
    expect(explainArgsError(new Error("disk full"))).toBeUndefined();
    expect(explainArgsError(undefined)).toBeUndefined();
  });
});
