/**
 * The production (and dev) HTTP server: static files, security headers,
 * CSRF and body-size checks, then Remix. `npm start` runs it after migrating,
 * seeding and building; tests start it as a child process on a free port.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express, { type Request } from "express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import common from "../app/i18n/messages/common";
import { LOCALE_COOKIE, negotiateLocale, readCookie } from "../app/i18n/negotiate";
import { limitedBody, type BodyProblem } from "./server/body";
import { manageLifecycle } from "./server/lifecycle";
import { remixHandler, requestUrl } from "./server/remix-handler";
import { sameOriginOnly, securityHeaders, trustProxySetting } from "./server/security";

const dev = process.env.NODE_ENV !== "production";
const buildPath = path.resolve("build/index.js");

async function importBuild(): Promise<ServerBuild> {
  const version = dev ? `?t=${fs.statSync(buildPath).mtimeMs}` : "";
  return import(pathToFileURL(buildPath).href + version);
}

const REFUSALS = { tooLarge: "tooLargeTitle", notForm: "notForm", crossSite: "crossSite" } as const;

/** The short text of a request refused before Remix, in the visitor's language. */
function refusalMessage(req: Request, problem: BodyProblem | "crossSite"): string {
  const locale = negotiateLocale({
    cookieLocale: readCookie(req.headers.cookie ?? null, LOCALE_COOKIE),
    acceptLanguage: req.headers["accept-language"] ?? null,
  });
  return common[locale].errors[REFUSALS[problem]];
}

/** The app decides who is staff, through the build (so with its one database connection). */
function staffCheck(getBuild: () => Promise<ServerBuild>) {
  return async (req: Request): Promise<boolean> => {
    const entry = (await getBuild()).entry.module as {
      mayUploadFiles?: (request: globalThis.Request) => Promise<boolean>;
    };
    const request = new globalThis.Request(requestUrl(req), { headers: { Cookie: req.headers.cookie ?? "" } });
    return (await entry.mayUploadFiles?.(request)) ?? false;
  };
}

export async function startServer(port = Number(process.env.PORT || 3000), host = process.env.HOST) {
  if (dev) {
    // Loaded only in development: production never compiles content while serving.
    const { watchContent } = await import("./server/content-watch");
    await watchContent();
  }
  const initialBuild = await importBuild();
  const app = express();
  app.disable("x-powered-by");
  const trustProxy = trustProxySetting(process.env.TRUST_PROXY);
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);
  app.use(compression());
  app.use(securityHeaders({ dev }));
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Files content links with ?v=<content hash> (resolveAsset: course files, videos, posters, captions): the address changes with the content.
  const versionedFiles = express.static("public", { immutable: true, maxAge: "1y" });
  app.use((req, res, next) => (typeof req.query.v === "string" ? versionedFiles(req, res, next) : next()));
  // The service worker is checked on every navigation (decision 035): a deploy reaches phones at once.
  app.get("/sw.js", (_req, res, next) => (res.setHeader("Cache-Control", "no-cache"), next()));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(sameOriginOnly((req) => refusalMessage(req, "crossSite")));
  const getBuild = dev ? importBuild : async () => initialBuild;
  app.use(limitedBody({ message: refusalMessage, isStaff: staffCheck(getBuild) }));
  app.all("*", remixHandler(getBuild, dev ? "development" : "production"));

  return new Promise<import("node:http").Server>((resolve) => {
    const server = host ? app.listen(port, host, done) : app.listen(port, done);
    function done() {
      const address = server.address();
      const shown = typeof address === "object" && address ? address.port : port;
      manageLifecycle(server);
      // Links in e-mails and calendars need the real address; without APP_URL it is this port (also when PORT=0).
      process.env.APP_URL ||= `http://localhost:${shown}`;
      console.log(`Minka listening on http://localhost:${shown}`);
      if (dev) void broadcastDevReady(initialBuild);
      // Delivers queued e-mail (and retries) when SMTP_URL is set; see README "E-mail".
      (initialBuild.entry.module as { startOutboxSender?: () => void }).startOutboxSender?.();
      resolve(server);
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await startServer();
}
