import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const SITE = "https://minka.example";

describe("safeRedirectPath", () => {
  it("keeps paths of this site, with their query and fragment", () => {
    expect(safeRedirectPath("/courses?q=1")).toBe("/courses?q=1");
    expect(safeRedirectPath("/courses/a/b#quiz")).toBe("/courses/a/b#quiz");
    expect(safeRedirectPath("/login?redirectTo=%2Faccount")).toBe("/login?redirectTo=%2Faccount");
  });

  it("sends links to other sites, and nothing at all, home", () => {
    for (const bad of [
      "//evil.example",
      "https://evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "\t//evil.example",
      " //evil.example",
      "/.//evil.example",
      "/%2e//evil.example",
      "javascript:alert(1)",
      "https:evil.example",
      "",
      null,
      undefined,
    ]) {
      expect(safeRedirectPath(bad as string), JSON.stringify(bad)).toBe("/");
    }
    expect(safeRedirectPath("//evil.example", "/me/learning")).toBe("/me/learning");
  });

  it("turns control characters into a path a header can carry", () => {
    expect(safeRedirectPath("/cour\nses")).toBe("/courses");
    expect(safeRedirectPath("/a b")).toBe("/a%20b");
  });

  it("never leaves the site, whatever the string (WHATWG URL parser)", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc
        .array(
          fc.constantFrom(
            "/",
            "\\",
            "\t",
            "\n",
            "\r",
            " ",
            ".",
            "%09",
            "%2f",
            "%5c",
            "evil.example",
            ":",
            "@",
            "?",
            "#",
            "http",
            "https:",
            "javascript:",
            "\u0000",
            "\u3002",
          ),
          { maxLength: 12 },
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const path = safeRedirectPath(text);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(path).toMatch(/^[\x21-\x7e]*$/);
        // A browser resolves the Location header against the page: it stays on the site.
        expect(new URL(path, SITE).origin).toBe(SITE);
        expect(safeRedirectPath(path)).toBe(path);
      }),
      { numRuns: 2000 },
    );
  });
});
