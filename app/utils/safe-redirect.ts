// Any origin works for resolving: only whether the result stays on it matters.
const SITE = new URL("http://site.invalid");

/**
 * Where to send someone after a form, from a path they (or a crafted link) gave.
 * The target is parsed the way a browser will parse the Location header (WHATWG URL:
 * tabs and newlines dropped, `\` read as `/`), so `/\t/evil.com` is seen as the
 * `//evil.com` the browser would follow. Only a path of this site comes back, rebuilt
 * from the parsed URL (percent-encoded, so it is always a valid header); anything else
 * gets the fallback.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to === "") return fallback;
  let url: URL;
  try {
    url = new URL(to, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE.origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.com" parses to the path "//evil.com", which a browser reads as another host.
  if (path.startsWith("//")) return fallback;
  return path;
}
