/**
 * The true floor for `npm run bench:server`: the same production build served by
 * `@remix-run/express`'s `createRequestHandler` behind `express.static`, nothing
 * else (no compression, security headers, CSRF or body checks). Started as its own
 * process on the bench database; prints "bare listening on http://localhost:PORT".
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const app = express();
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(Number(process.env.PORT || 0), process.env.HOST || "127.0.0.1", () => {
  const address = server.address();
  console.log(`bare listening on http://localhost:${typeof address === "object" && address ? address.port : 0}`);
});
process.once("SIGTERM", () => process.exit(0));
