import { createSession } from "../../app/models/session.server";
import { getDb } from "../../app/utils/db.server";

const ORIGIN = "http://localhost";

/** A Cookie header for a fresh session of this account. */
export async function sessionCookie(accountId: number): Promise<string> {
  const { token } = await createSession(await getDb(), accountId);
  return `minka_session=${token}`;
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(ORIGIN + path, { headers: cookie ? { Cookie: cookie } : {} });
}

export function formRequest(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(ORIGIN + path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** Runs a loader or action and returns what it returned or threw, as Remix would see it. */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The payload and status of a `data()` result (single fetch returns an object, not a Response). */
export function unwrap<T>(result: unknown): { status: number; data: T } {
  if (
    result &&
    typeof result === "object" &&
    "type" in result &&
    (result as { type: string }).type === "DataWithResponseInit"
  ) {
    const r = result as unknown as { data: T; init: { status?: number } | null };
    return { status: r.init?.status ?? 200, data: r.data };
  }
  return { status: 200, data: result as T };
}
