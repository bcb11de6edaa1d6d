/** Why a link written in a lesson does not lead to a course or lesson, or null when it does (or is not ours to check). */
export function brokenLink(
  url: string,
  fromPath: string,
  lessons: ReadonlyMap<string, ReadonlySet<string>>,
): string | null {
  if (/^[a-z]+:/i.test(url) || url.startsWith("#") || url.startsWith("//")) return null;
  const target = new URL(url, `http://minka.local${fromPath}`).pathname.replace(/\/$/, "");
  const parts = target.split("/").filter(Boolean);
  if (parts[0] !== "courses")
    return url.startsWith("/") ? null : `link "${url}" does not lead to a lesson (it points to ${target})`;
  const [, course, lesson, ...rest] = parts;
  if (!course) return null;
  const courseLessons = lessons.get(course);
  if (!courseLessons) return `link "${url}": there is no course "${course}"`;
  if (lesson && (!courseLessons.has(lesson) || rest.length))
    return `link "${url}": course "${course}" has no lesson "${lesson}"`;
  return null;
}
