import { expect } from "vitest";

/** The password of every demo account (README "Demo accounts"). */
export const DEMO_PASSWORD = "minka-demo-2026";

/** Logs in through the real form over HTTP; returns the Cookie header of the new session. */
export async function logIn(server: { url: string }, identifier: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(server.url + "/login", {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ identifier, password }),
  });
  expect(response.status, `log in as ${identifier}`).toBe(302);
  return response.headers.get("Set-Cookie")!.split(";")[0];
}
