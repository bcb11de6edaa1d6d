/**
 * "Letra grande" (issue #21): the type at 125 % of the normal size. A signed-in person's
 * account decides, so the choice follows them to any phone; without a session, the cookie
 * this browser keeps.
 */
export const TEXT_SIZES = ["normal", "large"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** How much larger "large" is than the normal type (also in app/styles/reflow.css). */
export const LARGE_TEXT_SCALE = 1.25;

export function isTextSize(value: unknown): value is TextSize {
  return typeof value === "string" && (TEXT_SIZES as readonly string[]).includes(value);
}

export function chooseTextSize(input: { accountLargeText: boolean | undefined; cookie: string | undefined }): TextSize {
  if (input.accountLargeText !== undefined) return input.accountLargeText ? "large" : "normal";
  return isTextSize(input.cookie) ? input.cookie : "normal";
}
