import { UNSAFE_SingleFetchRedirectSymbol } from "@remix-run/server-runtime";
// The server's own encoder of single-fetch answers (a deep import: not in the package's index).
import { encodeViaTurboStream } from "@remix-run/server-runtime/dist/single-fetch.js";
import { describe, expect, it } from "vitest";
import { savedLessonPath } from "./offline-list";
import { OFFLINE_ROUTES, shellFiles } from "./shell";
import {
  changesAccount,
  documentReloadBody,
  isHashedAsset,
  isKeepable,
  isLessonFile,
  isReadPage,
  offlineLocale,
  pageOfDataRequest,
} from "./worker-rules";

const url = (path: string) => new URL(path, "https://minka.test");

describe("what the service worker keeps", () => {
  it("keeps the pages a member reads, never staff, account or sign-in pages", () => {
    for (const path of [
      "/",
      "/courses",
      "/courses/finanzas",
      "/courses/finanzas/ahorro",
      "/me/learning",
      "/courses/a/b?quiz=1",
    ])
      expect(isReadPage(url(path)), path).toBe(true);
    for (const path of [
      "/staff/people",
      "/reports",
      "/reports/print",
      "/admin/accounts",
      "/login",
      "/logout",
      "/account",
      "/account/data/download",
      "/certificates/ABC",
      "/certificates/ABC.pdf",
      "/workshops/3",
      "/offline",
      "/courses/a/b/c",
      "/staff/courses/x/export",
    ])
      expect(isReadPage(url(path)), path).toBe(false);
  });

  it("keeps lesson images and captions, and the hashed build", () => {
    expect(isLessonFile(url("/course-files/finanzas/foto.png?v=abc"))).toBe(true);
    expect(isLessonFile(url("/videos/x/captions.es.vtt?v=abc"))).toBe(true);
    expect(isLessonFile(url("/videos/x/video.mp4?v=abc"))).toBe(false);
    expect(isLessonFile(url("/favicon.svg"))).toBe(false);
    expect(isHashedAsset(url("/build/_shared/chunk-X.js"))).toBe(true);
    expect(isHashedAsset(url("/sw.js"))).toBe(false);
  });

  it("refuses partial, failed and Vary: * answers", () => {
    expect(isKeepable(new Response("x"))).toBe(true);
    expect(isKeepable(new Response("x", { status: 206 }))).toBe(false);
    expect(isKeepable(new Response("x", { status: 404 }))).toBe(false);
    expect(isKeepable(new Response("x", { headers: { Vary: "*" } }))).toBe(false);
  });

  it("forgets the pages when someone signs in or out", () => {
    for (const path of ["/logout", "/login", "/login/code", "/login/link/abc", "/card/xyz", "/signup"])
      expect(changesAccount("POST", url(path)), path).toBe(true);
    expect(changesAccount("GET", url("/logout"))).toBe(false);
    expect(changesAccount("POST", url("/learning/complete"))).toBe(false);
  });

  it("shows the offline page in the language last read, else the browser's, else Spanish", () => {
    expect(offlineLocale("en", "es-PE")).toBe("en");
    expect(offlineLocale(undefined, "en-US")).toBe("en");
    expect(offlineLocale(undefined, "qu")).toBe("es");
    expect(offlineLocale(undefined, undefined)).toBe("es");
  });
});

describe("client navigations offline", () => {
  it("finds the page a data request was made for", () => {
    expect(pageOfDataRequest(url("/courses/a/b.data?_routes=routes%2Fcourses"))).toBe("/courses/a/b");
    expect(pageOfDataRequest(url("/_root.data"))).toBe("/");
    expect(pageOfDataRequest(url("/courses.data?index&_routes=x"))).toBe("/courses");
    expect(pageOfDataRequest(url("/courses/a/b.data?quiz=1&_routes=x"))).toBe("/courses/a/b?quiz=1");
  });

  it("answers with exactly what Remix's server sends for a document redirect", async () => {
    const path = '/courses/a/b?x="1"';
    const stream: ReadableStream<Uint8Array> = encodeViaTurboStream(
      {
        [UNSAFE_SingleFetchRedirectSymbol]: {
          redirect: path,
          status: 302,
          revalidate: false,
          reload: true,
          replace: false,
        },
      },
      new AbortController().signal,
      undefined,
      "production" as Parameters<typeof encodeViaTurboStream>[3],
    );
    expect(await new Response(stream).text()).toBe(documentReloadBody(path));
  });
});

describe("the shell and the offline page's list", () => {
  it("keeps the entry, the member's routes and their imports, and the stylesheets", () => {
    const route = (name: string) => ({ module: `/build/${name}.js`, imports: [`/build/_shared/${name}-dep.js`] });
    const manifest = {
      version: "1",
      url: "/build/manifest-1.js",
      entry: { module: "/build/entry.js", imports: ["/build/_shared/react.js"] },
      routes: Object.fromEntries(
        [...OFFLINE_ROUTES, "routes/staff.people._index"].map((id) => [id, route(id.replace(/\W/g, "-"))]),
      ),
    };
    const files = shellFiles(manifest, ["/build/_assets/app-X.css"]);
    expect(files).toContain("/build/entry.js");
    expect(files).toContain("/build/manifest-1.js");
    expect(files).toContain("/build/_assets/app-X.css");
    expect(files).toContain("/build/routes-courses--course--lesson.js");
    expect(files).toContain("/build/_shared/routes-me-learning-dep.js");
    expect(files.some((file) => file.includes("staff"))).toBe(false);
  });

  it("lists lessons only, without graded quizzes", () => {
    expect(savedLessonPath(url("/courses/a/b"))).toBe("/courses/a/b");
    expect(savedLessonPath(url("/courses/a"))).toBeNull();
    expect(savedLessonPath(url("/courses/a/b?quiz=1"))).toBeNull();
    expect(savedLessonPath(url("/course-files/a/b.png"))).toBeNull();
  });
});
