import { describe, expect, it } from "vitest";
import { negotiateLocale, parseAcceptLanguage, readCookie } from "./negotiate";

describe("parseAcceptLanguage", () => {
  it("orders by quality, then by position", () => {
    expect(parseAcceptLanguage("fr;q=0.5, en-US, es;q=0.9")).toEqual(["en", "es", "fr"]);
  });
  it("ignores wildcards, zero quality and empty headers", () => {
    expect(parseAcceptLanguage("*, en;q=0")).toEqual([]);
    expect(parseAcceptLanguage(null)).toEqual([]);
  });
});

describe("negotiateLocale", () => {
  it("prefers the account, then the cookie, then the browser", () => {
    expect(negotiateLocale({ accountLocale: "en", cookieLocale: "es", acceptLanguage: "es" })).toBe("en");
    expect(negotiateLocale({ cookieLocale: "en", acceptLanguage: "es" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "de, en;q=0.8" })).toBe("en");
  });
  it("falls back to Spanish for unknown or missing languages", () => {
    expect(negotiateLocale({ cookieLocale: "xx", acceptLanguage: "de, fr" })).toBe("es");
    expect(negotiateLocale({})).toBe("es");
  });
});

describe("readCookie", () => {
  it("finds one cookie among many and survives bad encoding", () => {
    expect(readCookie("a=1; minka_lang=en; b=2", "minka_lang")).toBe("en");
    expect(readCookie("minka_lang=%E0%A4%A", "minka_lang")).toBeUndefined();
    expect(readCookie(null, "minka_lang")).toBeUndefined();
  });
});
