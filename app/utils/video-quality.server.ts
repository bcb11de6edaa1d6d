import type { VideoQuality } from "../components/mdx/context";
import { getCookie, serializeCookie } from "./cookies.server";

const COOKIE = "minka_video_quality";

/** The video quality a member chose on this device ("low" saves data); works without JavaScript. */
export function getVideoQuality(request: Request): VideoQuality {
  return getCookie(request, COOKIE) === "low" ? "low" : "standard";
}

export function videoQualityCookie(request: Request, quality: VideoQuality): string {
  return serializeCookie(request, COOKIE, quality, { maxAgeSeconds: 365 * 24 * 3600 });
}

export function isVideoQuality(value: unknown): value is VideoQuality {
  return value === "standard" || value === "low";
}
