import type { Locale } from "../../db/schema";
import type { LessonVideo } from "../content/schema";
import { numberFormat } from "../utils/intl";

/**
 * What a course needs to be read without a connection (docs/decisions/036): built on the server
 * from the lesson HTML the reader's own request would get, read in the browser by "Guardar este
 * curso". Pure, so both sides share it and it is tested without either.
 */
export interface CourseManifest {
  slug: string;
  title: string;
  language: Locale;
  /** The course's content hash: a saved copy of another version is stale. */
  version: string;
  lessons: Array<{ slug: string; title: string; url: string }>;
  /**
   * Documents: the course page, then every lesson page. Not their `.data`: offline, the worker
   * answers a client navigation by loading the document (decision 035), which is kept here.
   */
  pages: string[];
  /** Images, attachments, posters and captions the pages use (content-hashed `?v=` addresses). */
  files: Array<{ url: string; bytes: number }>;
  /** Per video lesson, the sources its page renders for this reader, in the page's order. */
  videos: Array<{ lesson: string; sources: VideoSource[] }>;
  /** `pages`: an estimate for the documents; `files`: measured on disk. */
  bytes: { pages: number; files: number };
}

export interface VideoSource {
  url: string;
  type: string;
  bytes: number;
}

/**
 * The page around a lesson (header, footer, texts, the route data) beyond the lesson's own HTML:
 * what a demo lesson page weighs, rounded up.
 */
export const PAGE_SHELL_BYTES = 16_000;

export interface ManifestInput {
  course: { slug: string; title: string; language: Locale; version: string };
  lessons: Array<{ slug: string; title: string; html: string; video: LessonVideo | null }>;
  /** Bytes of a file of this site by its path, or null when the server has no such file. */
  sizeOf: (pathname: string) => number | null;
}

const ATTRIBUTE = /\s(?:src|href|poster)="([^"]*)"/g;

const decodeAttribute = (value: string) =>
  value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");

/**
 * The files of this site a page's HTML uses, once each in order. Content files always carry
 * `?v=<content hash>` (resolveAsset), which tells them from links to pages; other sites are left
 * out (the page cannot keep them, and they are not ours to copy).
 */
export function filesInHtml(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(ATTRIBUTE)) {
    const url = decodeAttribute(match[1]!);
    if (url.startsWith("/") && !url.startsWith("//") && /[?&]v=/.test(url)) found.add(url);
  }
  return [...found];
}

const pathnameOf = (url: string) => decodeURIComponent(url.split(/[?#]/)[0]!);

export function buildCourseManifest({ course, lessons, sizeOf }: ManifestInput): CourseManifest {
  const base = `/courses/${course.slug}`;
  const pages = [base, ...lessons.map((l) => `${base}/${l.slug}`)];
  const files = new Map<string, number>();
  const videos: CourseManifest["videos"] = [];
  for (const lesson of lessons) {
    const sources = new Map((lesson.video?.sources ?? []).map((s) => [s.url, s]));
    const rendered: VideoSource[] = [];
    for (const url of filesInHtml(lesson.html)) {
      const source = sources.get(url);
      const bytes = source?.bytes ?? sizeOf(pathnameOf(url));
      if (bytes === null) continue;
      if (source) {
        if (!rendered.some((s) => s.url === url)) rendered.push({ url, type: source.type, bytes });
      } else files.set(url, bytes);
    }
    if (rendered.length) videos.push({ lesson: lesson.slug, sources: rendered });
  }
  const htmlBytes = lessons.reduce((sum, l) => sum + new TextEncoder().encode(l.html).length, 0);
  return {
    ...course,
    lessons: lessons.map((l) => ({ slug: l.slug, title: l.title, url: `${base}/${l.slug}` })),
    pages,
    files: [...files].map(([url, bytes]) => ({ url, bytes })),
    videos,
    bytes: { pages: htmlBytes + pages.length * PAGE_SHELL_BYTES, files: sum(files.values()) },
  };
}

/** Per video lesson, the source the browser will play: the first whose type it can play, as `<video>` picks. */
export function chosenVideos(manifest: CourseManifest, canPlay: (type: string) => boolean): VideoSource[] {
  return manifest.videos.map(({ sources }) => sources.find((s) => canPlay(s.type)) ?? sources[0]!);
}

/** Everything a save downloads: files (and videos) first, so a page is stored only after what it shows. */
export function saveUrls(manifest: CourseManifest, videos: readonly VideoSource[]): string[] {
  return [...manifest.files.map((f) => f.url), ...videos.map((v) => v.url), ...manifest.pages];
}

export function saveBytes(manifest: CourseManifest, videos: readonly VideoSource[]): number {
  return manifest.bytes.pages + manifest.bytes.files + sum(videos.map((v) => v.bytes));
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** "2,5 MB": sizes of saved courses, always in megabytes so they compare at a glance; never "0" for something. */
export function formatMegabytes(bytes: number, locale: Locale): string {
  const megabytes = bytes / 1_000_000;
  const shown = bytes > 0 ? Math.max(0.1, megabytes) : 0;
  return numberFormat(locale, {
    style: "unit",
    unit: "megabyte",
    unitDisplay: "short",
    maximumFractionDigits: shown < 10 ? 1 : 0,
  }).format(shown);
}
