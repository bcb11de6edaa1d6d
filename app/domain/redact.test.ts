import { describe, expect, it } from "vitest";
import { identifyingFragments, mentions, redactJson } from "./redact";

const fragments = identifyingFragments({
  names: ["Zenobia Quillahuaman Ana", null],
  emails: ["Zeno@Example.org"],
  phones: ["+51 912 345 678"],
});

describe("identifyingFragments", () => {
  it("keeps the full name, the longer name parts, e-mails and phone digits (full and national)", () => {
    expect(fragments).toEqual([
      "zenobia quillahuaman ana",
      "zenobia",
      "quillahuaman",
      "zeno@example.org",
      "51912345678",
      "912345678",
    ]);
  });

  it("leaves name parts out when asked, so a shared surname alone does not match", () => {
    const strict = identifyingFragments(
      { names: ["Rosa Quispe Mamani"], emails: [], phones: [] },
      { nameParts: false },
    );
    expect(strict).toEqual(["rosa quispe mamani"]);
    expect(mentions("Juana Quispe", strict)).toBe(false);
    expect(mentions("ROSA QUISPE MAMANI (celular)", strict)).toBe(true);
  });
});

describe("mentions", () => {
  it("finds a first name in a greeting, an e-mail in any case and a phone however it is spaced", () => {
    expect(mentions("Hola, Zenobia:", fragments)).toBe(true);
    expect(mentions("para ZENO@example.ORG", fragments)).toBe(true);
    expect(mentions("Llamar al 912-345-678", fragments)).toBe(true);
    expect(mentions("+51 912 345 678", fragments)).toBe(true);
    // A short name part alone does not count: "Ana" is in too many words.
    expect(mentions("Mañana, Ana y Juana", fragments)).toBe(false);
    expect(mentions("", fragments)).toBe(false);
  });
});

describe("redactJson", () => {
  it("blanks strings that mention the person and keeps keys, numbers and other strings", () => {
    const details = {
      keptId: 4,
      droppedName: "Zenobia Q.",
      differingValues: { email: "zeno@example.org", region: "Puno" },
      codes: ["A1", "912345678"],
    };
    expect(redactJson(details, fragments)).toEqual({
      keptId: 4,
      droppedName: "",
      differingValues: { email: "", region: "Puno" },
      codes: ["A1", ""],
    });
  });
});
