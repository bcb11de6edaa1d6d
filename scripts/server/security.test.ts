import { describe, expect, it } from "vitest";
import { sentFromThisSite, trustProxySetting } from "./security";

describe("trustProxySetting", () => {
  it("reads a number of proxies, and never trusts every hop", () => {
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting(" 2 ")).toBe(2);
    expect(trustProxySetting("true")).toBe(1);
  });
  it("passes a list of proxy addresses on to Express", () => {
    expect(trustProxySetting("loopback, 10.0.0.0/8")).toBe("loopback, 10.0.0.0/8");
  });
  it("trusts no proxy when unset, empty, 0 or false", () => {
    for (const value of [undefined, "", "0", "false"]) expect(trustProxySetting(value)).toBeUndefined();
  });
});

describe("sentFromThisSite", () => {
  const site = "https://minka.example";
  it("trusts Origin when the browser sends it", () => {
    expect(sentFromThisSite({ origin: site }, site)).toBe(true);
    expect(sentFromThisSite({ origin: "https://evil.example", referer: `${site}/login` }, site)).toBe(false);
    expect(sentFromThisSite({ origin: "null" }, site)).toBe(false);
  });
  it("falls back to Sec-Fetch-Site, then Referer, without Origin", () => {
    expect(sentFromThisSite({ "sec-fetch-site": "cross-site" }, site)).toBe(false);
    expect(sentFromThisSite({ "sec-fetch-site": "same-site" }, site)).toBe(false);
    expect(sentFromThisSite({ "sec-fetch-site": "same-origin" }, site)).toBe(true);
    expect(sentFromThisSite({ referer: "https://evil.example/page" }, site)).toBe(false);
    expect(sentFromThisSite({ referer: "http://minka.example/login" }, site)).toBe(false);
    expect(sentFromThisSite({ referer: "nonsense" }, site)).toBe(false);
    expect(sentFromThisSite({ referer: `${site}/login?redirectTo=%2F` }, site)).toBe(true);
  });
  it("lets through a client that sends none of them (curl)", () => {
    expect(sentFromThisSite({}, site)).toBe(true);
  });
});
