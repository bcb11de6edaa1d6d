import { getUser } from "../auth/user.server";
import { chooseTextSize, type TextSize } from "../domain/text-size";
import { getCookie } from "./cookies.server";

export const TEXT_SIZE_COOKIE = "minka_text";

/** The text size to render this request with, decided on the server so the page never jumps. */
export async function getTextSize(request: Request): Promise<TextSize> {
  const user = await getUser(request);
  return chooseTextSize({ accountLargeText: user?.largeText, cookie: getCookie(request, TEXT_SIZE_COOKIE) });
}
