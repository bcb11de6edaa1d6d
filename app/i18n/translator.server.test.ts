import { describe, expect, it } from "vitest";
import { translatorFor } from "./translator.server";

describe("translatorFor", () => {
  it("speaks the asked language, in any namespace", () => {
    expect(translatorFor("es")("access.link.title")).toBe("Recibir un enlace para entrar");
    expect(translatorFor("en")("access.link.title")).toBe("Get a sign-in link");
  });
  it("is built once per language", () => {
    expect(translatorFor("en")).toBe(translatorFor("en"));
  });
});
