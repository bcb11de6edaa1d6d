import { describe, expect, it } from "vitest";
import {
  buildCourseManifest,
  chosenVideos,
  filesInHtml,
  formatMegabytes,
  saveBytes,
  saveUrls,
  type CourseManifest,
} from "./course-manifest";

const VIDEO = {
  sources: [
    { url: "/videos/v/a.webm?v=111111111111", type: "video/webm", quality: "standard" as const, bytes: 2_000_000 },
    { url: "/videos/v/a.mp4?v=222222222222", type: "video/mp4", quality: "standard" as const, bytes: 3_000_000 },
    { url: "/videos/v/low.webm?v=333333333333", type: "video/webm", quality: "low" as const, bytes: 500_000 },
  ],
  poster: "/videos/v/poster.jpg?v=444444444444",
  captions: [
    { url: "/videos/v/es.vtt?v=555555555555", lang: "es" as const, label: "Español" },
    { url: "/videos/v/en.vtt?v=666666666666", lang: "en" as const, label: "English" },
  ],
  transcript: [],
};

// What the lesson page renders for the standard quality (app/components/mdx/video.tsx).
const VIDEO_HTML = `<p>Mire el video.</p><section class="video"><video controls="" preload="none" poster="/videos/v/poster.jpg?v=444444444444"><source src="/videos/v/a.webm?v=111111111111" type="video/webm"/><source src="/videos/v/a.mp4?v=222222222222" type="video/mp4"/><track kind="captions" src="/videos/v/es.vtt?v=555555555555" srclang="es" label="Español"/><track kind="captions" src="/videos/v/en.vtt?v=666666666666" srclang="en" label="English"/></video><p><a href="/videos/v/a.webm?v=111111111111" download="">Descargar</a></p></section>`;

const TEXT_HTML = `<p>Vea <a href="/courses/otro/leccion">otra lección</a> y <a href="https://example.org/x.png?v=1">un sitio</a>.</p><figure class="figure"><img src="/course-files/c/cadena.svg?v=abcdefabcdef" alt="Cadena" loading="lazy"/></figure><div class="download"><a href="/course-files/c/cuaderno.csv?v=123456abcdef&amp;x=1" download="" class="button">Descargar</a></div><img src="/course-files/c/cadena.svg?v=abcdefabcdef" alt="Otra vez"/>`;

const SIZES: Record<string, number> = {
  "/course-files/c/cadena.svg": 4_000,
  "/course-files/c/cuaderno.csv": 1_000,
  "/videos/v/poster.jpg": 7_000,
  "/videos/v/es.vtt": 800,
  "/videos/v/en.vtt": 900,
};

function manifest(): CourseManifest {
  return buildCourseManifest({
    course: { slug: "c", title: "Curso", language: "es", version: "hash-1" },
    lessons: [
      { slug: "texto", title: "Texto", html: TEXT_HTML, video: null },
      { slug: "video", title: "Video", html: VIDEO_HTML, video: VIDEO },
    ],
    sizeOf: (pathname) => SIZES[pathname] ?? null,
  });
}

describe("filesInHtml", () => {
  it("finds the content-hashed files of this site a page uses, once each, in order", () => {
    expect(filesInHtml(TEXT_HTML)).toEqual([
      "/course-files/c/cadena.svg?v=abcdefabcdef",
      "/course-files/c/cuaderno.csv?v=123456abcdef&x=1",
    ]);
    expect(filesInHtml(VIDEO_HTML)).toEqual([
      "/videos/v/poster.jpg?v=444444444444",
      "/videos/v/a.webm?v=111111111111",
      "/videos/v/a.mp4?v=222222222222",
      "/videos/v/es.vtt?v=555555555555",
      "/videos/v/en.vtt?v=666666666666",
    ]);
  });

  it("leaves out page links, other sites and protocol-relative addresses", () => {
    expect(
      filesInHtml(`<a href="/courses/c/l">x</a><img src="//evil.example/a.png?v=1"><img src="https://a.b/c?v=2">`),
    ).toEqual([]);
  });
});

describe("buildCourseManifest", () => {
  it("lists the course page and every lesson page", () => {
    const m = manifest();
    expect(m.pages).toEqual(["/courses/c", "/courses/c/texto", "/courses/c/video"]);
    expect(m.lessons).toEqual([
      { slug: "texto", title: "Texto", url: "/courses/c/texto" },
      { slug: "video", title: "Video", url: "/courses/c/video" },
    ]);
    expect(m.version).toBe("hash-1");
  });

  it("separates files (images, attachments, poster, captions) with their sizes from the videos", () => {
    const m = manifest();
    expect(m.files).toEqual([
      { url: "/course-files/c/cadena.svg?v=abcdefabcdef", bytes: 4_000 },
      { url: "/course-files/c/cuaderno.csv?v=123456abcdef&x=1", bytes: 1_000 },
      { url: "/videos/v/poster.jpg?v=444444444444", bytes: 7_000 },
      { url: "/videos/v/es.vtt?v=555555555555", bytes: 800 },
      { url: "/videos/v/en.vtt?v=666666666666", bytes: 900 },
    ]);
    // Only the sources the page renders (the reader's quality), in the page's order.
    expect(m.videos).toEqual([
      {
        lesson: "video",
        sources: [
          { url: "/videos/v/a.webm?v=111111111111", type: "video/webm", bytes: 2_000_000 },
          { url: "/videos/v/a.mp4?v=222222222222", type: "video/mp4", bytes: 3_000_000 },
        ],
      },
    ]);
    expect(m.bytes.files).toBe(13_700);
    expect(m.bytes.pages).toBeGreaterThan(TEXT_HTML.length + VIDEO_HTML.length);
  });

  it("drops a file the server does not have rather than fail the whole save", () => {
    const m = buildCourseManifest({
      course: { slug: "c", title: "Curso", language: "es", version: "h" },
      lessons: [{ slug: "texto", title: "Texto", html: TEXT_HTML, video: null }],
      sizeOf: (pathname) => (pathname.endsWith(".csv") ? null : 10),
    });
    expect(m.files.map((f) => f.url)).toEqual(["/course-files/c/cadena.svg?v=abcdefabcdef"]);
  });
});

describe("what a save downloads", () => {
  it("takes per lesson the first video source the browser can play, as the <video> element does", () => {
    const m = manifest();
    expect(chosenVideos(m, (type) => type === "video/mp4")).toEqual([
      { url: "/videos/v/a.mp4?v=222222222222", type: "video/mp4", bytes: 3_000_000 },
    ]);
    expect(chosenVideos(m, () => true).map((v) => v.url)).toEqual(["/videos/v/a.webm?v=111111111111"]);
    // Nothing playable: the first source, which the page's download link offers.
    expect(chosenVideos(m, () => false).map((v) => v.url)).toEqual(["/videos/v/a.webm?v=111111111111"]);
  });

  it("downloads files before pages, so every page saved finds its images already there", () => {
    const m = manifest();
    const urls = saveUrls(m, []);
    expect(urls.slice(0, 5)).toEqual(m.files.map((f) => f.url));
    expect(urls.slice(5)).toEqual(m.pages);
    const withVideo = saveUrls(
      m,
      chosenVideos(m, () => true),
    );
    expect(withVideo).toHaveLength(9);
    expect(withVideo.indexOf("/videos/v/a.webm?v=111111111111")).toBeLessThan(withVideo.indexOf("/courses/c"));
  });

  it("adds up what a save costs, with and without the videos", () => {
    const m = manifest();
    expect(saveBytes(m, [])).toBe(m.bytes.pages + 13_700);
    expect(
      saveBytes(
        m,
        chosenVideos(m, () => true),
      ),
    ).toBe(m.bytes.pages + 13_700 + 2_000_000);
  });
});

describe("formatMegabytes", () => {
  it("shows megabytes in the reader's language, small sizes never as zero", () => {
    expect(formatMegabytes(2_500_000, "es")).toBe("2,5 MB");
    expect(formatMegabytes(2_500_000, "en")).toBe("2.5 MB");
    expect(formatMegabytes(123_400_000, "es")).toBe("123 MB");
    expect(formatMegabytes(12_000, "es")).toBe("0,1 MB");
    expect(formatMegabytes(0, "en")).toBe("0 MB");
  });
});
