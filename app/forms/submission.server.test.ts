import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requiredText, text } from "./fields.server";
import { formFailure, keepValues, parseSubmission } from "./submission.server";

const Schema = z.object({
  fullName: requiredText("auth.signup.errors.fullNameRequired", "auth.signup.errors.fullNameTooLong", 10),
  password: z.string().min(8, { error: "auth.signup.errors.passwordTooShort" }),
  note: text(),
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** What Remix's `data()` holds: the payload and the response init. */
const unwrap = (result: unknown) => result as { data: unknown; init: { status?: number } | null };

describe("parseSubmission", () => {
  it("gives the parsed data and the typed values", () => {
    const result = parseSubmission(Schema, form({ fullName: "  Rosa  ", password: "chacra-2026", note: "x" }));
    expect(result).toEqual({
      ok: true,
      data: { fullName: "Rosa", password: "chacra-2026", note: "x" },
      values: { fullName: "  Rosa  ", note: "x" },
    });
  });

  it("gives the first error of each field as a key with its limit, and the values without the password", () => {
    const result = parseSubmission(Schema, form({ fullName: "A".repeat(11), password: "corta", note: "hola" }));
    expect(result).toEqual({
      ok: false,
      errors: {
        fullName: { key: "auth.signup.errors.fullNameTooLong", vars: { max: 10 } },
        password: { key: "auth.signup.errors.passwordTooShort", vars: { min: 8 } },
      },
      values: { fullName: "A".repeat(11), note: "hola" },
    });
  });

  it("reads a request's form", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: new URLSearchParams({ fullName: "", password: "chacra-2026" }),
    });
    const result = await parseSubmission(Schema, request);
    expect(result).toMatchObject({ ok: false, errors: { fullName: { key: "auth.signup.errors.fullNameRequired" } } });
  });

  it("reads plain values too (forms with rows of fields)", () => {
    expect(parseSubmission(Schema, { fullName: "Rosa", password: "chacra-2026" })).toMatchObject({
      ok: true,
      data: { note: "" },
    });
  });

  it("files an error without a path under `form`", () => {
    const Whole = z.object({ a: text() }).refine((v) => v.a === "b", { error: "common.errors.formHasErrors" });
    expect(parseSubmission(Whole, form({ a: "c" }))).toMatchObject({
      ok: false,
      errors: { form: { key: "common.errors.formHasErrors" } },
    });
  });
});

describe("keepValues", () => {
  it("never echoes a password, a current password, a code or a file, and cuts long values", () => {
    const data = form({
      identifier: "rosa@example.pe",
      password: "p",
      current: "c",
      code: "12345678",
      long: "x".repeat(3000),
    });
    data.append("file", new Blob(["a,b"]), "list.csv");
    expect(keepValues(data)).toEqual({ identifier: "rosa@example.pe", long: "x".repeat(2000) });
  });

  it("leaves out the fields asked", () => {
    expect(keepValues({ a: "1", b: "2" }, ["b"])).toEqual({ a: "1" });
  });
});

describe("formFailure", () => {
  it("answers 400 with the errors and values only", () => {
    const parsed = parseSubmission(Schema, form({ fullName: "", password: "chacra-2026" }));
    if (parsed.ok) throw new Error("expected a failure");
    const result = unwrap(formFailure(parsed));
    expect(result.init?.status).toBe(400);
    expect(result.data).toEqual({
      errors: { fullName: { key: "auth.signup.errors.fullNameRequired", vars: { min: 1 } } },
      values: { fullName: "" },
    });
  });

  it("takes another status and what the page adds", () => {
    const result = unwrap(
      formFailure<{ errors: Record<string, never>; values: Record<string, string>; rows: number }>(
        { errors: {}, values: {}, rows: 6 },
        200,
      ),
    );
    expect(result).toMatchObject({ init: { status: 200 }, data: { errors: {}, values: {}, rows: 6 } });
  });
});
