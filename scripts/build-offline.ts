/**
 * Builds what the browser runs for offline use, after `remix build` (decision 035):
 * public/sw.js (app/offline/service-worker.ts with this build's shell) and public/offline-page.js
 * (the offline page's list of what is saved). `npm run build`, `npm start` (when stale) and the
 * end-to-end setup call it; both files are generated, never committed.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { shellFiles, type ClientManifest } from "../app/offline/shell";

export const OFFLINE_OUTPUTS = ["public/sw.js", "public/offline-page.js"];

function readClientManifest(root: string): ClientManifest {
  const dir = path.join(root, "public/build");
  const file = fs.readdirSync(dir).find((name) => /^manifest-.*\.js$/.test(name));
  if (!file) throw new Error("No client build in public/build: run `remix build` first");
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("=") + 1).replace(/;\s*$/, ""));
}

/** Stylesheets and fonts of the build, as addresses. */
function buildAssets(root: string): string[] {
  const dir = path.join(root, "public/build/_assets");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(css|woff2?)$/.test(name))
    .map((name) => `/build/_assets/${name}`);
}

export async function buildOfflineScripts(root = process.cwd()): Promise<void> {
  const manifest = readClientManifest(root);
  const shell = shellFiles(manifest, buildAssets(root));
  const common = {
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    legalComments: "none",
    logLevel: "warning",
    absWorkingDir: root,
    define: { "process.env.NODE_ENV": '"production"' },
  } as const;
  await build({
    ...common,
    entryPoints: ["app/offline/service-worker.ts"],
    outfile: "public/sw.js",
    define: { ...common.define, MINKA_SHELL: JSON.stringify(shell) },
    // A new build is a new worker even when no shell file changed (the offline page may have).
    banner: { js: `/* Minka service worker, build ${manifest.version} */` },
  });
  await build({ ...common, entryPoints: ["app/offline/offline-page.ts"], outfile: "public/offline-page.js" });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildOfflineScripts();
}
