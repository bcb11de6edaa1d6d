import { describe, expect, it } from "vitest";
import { trustProxySetting } from "./security";

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
