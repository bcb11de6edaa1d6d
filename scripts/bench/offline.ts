/**
 * `npm run bench:offline`: what offline use costs a phone (decision 035), from the current build
 * (`npm run build` first): the service worker's size, raw and gzip (downloaded once per deploy,
 * not part of any page's first load), the registration every page carries inline (goal ≤ 5 KB
 * gzip), the offline page's script, and how much the worker keeps at install (its shell).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { REGISTER_SCRIPT } from "../../app/offline/register-script";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (data: string | Buffer) => zlib.gzipSync(data).length;

const worker = path.resolve("public/sw.js");
if (!fs.existsSync(worker)) {
  console.error("No public/sw.js: run `npm run build` first.");
  process.exit(1);
}
const workerText = fs.readFileSync(worker);
const shell = JSON.parse(/\bvar \w+=(\["\/build\/[^\]]*\])/.exec(workerText.toString())?.[1] ?? "[]") as string[];
const shellBytes = shell.reduce((sum, file) => {
  const local = path.resolve("public", file.replace(/^\//, ""));
  return sum + (fs.existsSync(local) ? gzip(fs.readFileSync(local)) : 0);
}, 0);
const registration = gzip(REGISTER_SCRIPT);
const offlinePage = fs.readFileSync(path.resolve("public/offline-page.js"));

const results = {
  workerBytes: workerText.length,
  workerGzipBytes: gzip(workerText),
  registrationBytes: Buffer.byteLength(REGISTER_SCRIPT),
  registrationGzipBytes: registration,
  offlinePageScriptGzipBytes: gzip(offlinePage),
  shellFiles: shell.length,
  shellGzipBytes: shellBytes,
};
console.log(`service worker (public/sw.js): ${kb(results.workerBytes)} raw, ${kb(results.workerGzipBytes)} gzip`);
console.log(
  `registration in every page (inline): ${results.registrationBytes} B raw, ${results.registrationGzipBytes} B gzip ` +
    `${registration <= 5 * 1024 ? "✓" : "✗"} (goal ≤ 5 KB gzip of first-load JavaScript)`,
);
console.log(`offline page script (public/offline-page.js): ${kb(results.offlinePageScriptGzipBytes)} gzip`);
console.log(`shell kept at install: ${results.shellFiles} files, ${kb(results.shellGzipBytes)} gzip`);
fs.mkdirSync(".tmp/bench", { recursive: true });
fs.writeFileSync(".tmp/bench/offline.json", JSON.stringify(results, null, 2));
