import { describe, expect, it } from "vitest";
import { decidePerson, factsNeeded, type PersonFacts, type PersonRequest } from "./person-resolution";

const typed: PersonRequest = {
  email: "ana@minka.test",
  phone: "+51987111222",
  choice: null,
  askOnSimilarName: true,
  consentMissing: false,
};
const none: PersonFacts<string> = { chosen: null, byContact: null, similar: [] };

describe("decidePerson", () => {
  it("takes a chosen id only when the server offered it and the person is not erased", () => {
    const chose = { ...typed, choice: 7 };
    expect(decidePerson(chose, { ...none, chosen: { offered: true, exists: true } })).toEqual({
      kind: "found",
      personId: 7,
      matchedBy: "choice",
    });
    expect(decidePerson(chose, { ...none, chosen: { offered: false, exists: true } })).toEqual({
      kind: "refused",
      reason: "notOffered",
    });
    expect(decidePerson(chose, { ...none, chosen: { offered: true, exists: false } })).toEqual({
      kind: "refused",
      reason: "notOffered",
    });
    // A contact match does not override what staff chose, nor make an unoffered id acceptable.
    expect(
      decidePerson(chose, { ...none, chosen: null, byContact: { id: 3, email: "ana@minka.test", sameName: true } }),
    ).toEqual({
      kind: "refused",
      reason: "notOffered",
    });
  });

  it("an exact contact wins over similar names, consent and «new», and says which contact matched", () => {
    const facts = { ...none, byContact: { id: 3, email: "ana@minka.test", sameName: true }, similar: ["x"] };
    expect(decidePerson(typed, facts)).toEqual({ kind: "found", personId: 3, matchedBy: "email" });
    expect(decidePerson({ ...typed, choice: "new", consentMissing: true }, facts)).toEqual({
      kind: "found",
      personId: 3,
      matchedBy: "email",
    });
    expect(
      decidePerson(typed, { ...facts, byContact: { id: 3, email: "otra@minka.test", sameName: true } }),
    ).toMatchObject({
      matchedBy: "phone",
    });
    expect(
      decidePerson({ ...typed, email: null }, { ...facts, byContact: { id: 3, email: null, sameName: true } }),
    ).toMatchObject({
      matchedBy: "phone",
    });
  });

  it("asks about similar names before consent, unless staff said «new» or nobody can be asked", () => {
    const facts = { ...none, similar: ["Ana Quispe", "Ana Quispe M."] };
    expect(decidePerson({ ...typed, consentMissing: true }, facts)).toEqual({
      kind: "choose",
      candidates: ["Ana Quispe", "Ana Quispe M."],
    });
    expect(decidePerson({ ...typed, choice: "new" }, facts)).toEqual({ kind: "create" });
    expect(decidePerson({ ...typed, askOnSimilarName: false }, facts)).toEqual({ kind: "create" });
  });

  it("asks before taking a contact that belongs to someone with another name, on forms and files alike", () => {
    const elena = { ...none, byContact: { id: 9, email: null, sameName: false }, similar: ["x"] };
    expect(decidePerson({ ...typed, email: null }, elena)).toEqual({
      kind: "confirm",
      personId: 9,
      matchedBy: "phone",
    });
    expect(decidePerson({ ...typed, email: null, askOnSimilarName: false }, elena)).toEqual({
      kind: "confirm",
      personId: 9,
      matchedBy: "phone",
    });
    expect(
      decidePerson(typed, { ...none, byContact: { id: 9, email: "ana@minka.test", sameName: false } }),
    ).toMatchObject({ kind: "confirm", matchedBy: "email" });
  });

  it("«no, someone else» creates a new person without the other person's contact, with consent", () => {
    const elena = { ...none, byContact: { id: 9, email: null, sameName: false } };
    expect(decidePerson({ ...typed, choice: "new" }, elena)).toEqual({ kind: "create", withoutContactOf: 9 });
    expect(decidePerson({ ...typed, choice: "new", consentMissing: true }, elena)).toEqual({
      kind: "refused",
      reason: "consentRequired",
    });
  });

  it("«yes, it is her» is an offered choice like any other", () => {
    expect(decidePerson({ ...typed, choice: 9 }, { ...none, chosen: { offered: true, exists: true } })).toEqual({
      kind: "found",
      personId: 9,
      matchedBy: "choice",
    });
  });

  it("creates only with consent when consent is needed", () => {
    expect(decidePerson({ ...typed, consentMissing: true }, none)).toEqual({
      kind: "refused",
      reason: "consentRequired",
    });
    expect(decidePerson({ ...typed, choice: "new", consentMissing: true }, none)).toEqual({
      kind: "refused",
      reason: "consentRequired",
    });
    expect(decidePerson(typed, none)).toEqual({ kind: "create" });
  });
});

describe("factsNeeded", () => {
  it("reads only what the decision uses", () => {
    expect(factsNeeded({ choice: 4, askOnSimilarName: true })).toEqual({
      chosen: true,
      byContact: false,
      similar: false,
    });
    expect(factsNeeded({ choice: null, askOnSimilarName: true })).toEqual({
      chosen: false,
      byContact: true,
      similar: true,
    });
    expect(factsNeeded({ choice: "new", askOnSimilarName: true })).toEqual({
      chosen: false,
      byContact: true,
      similar: false,
    });
    expect(factsNeeded({ choice: null, askOnSimilarName: false })).toEqual({
      chosen: false,
      byContact: true,
      similar: false,
    });
  });
});
