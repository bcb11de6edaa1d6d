import fs from "node:fs";
import { buildContentAndReport } from "../courses-build";

/**
 * `npm run dev`: builds course content now and again whenever a file under
 * courses/ changes (only changed lessons recompile, thanks to the cache).
 * Refresh the page to see the result.
 */
export async function watchContent(folder = "courses") {
  await buildContentAndReport();
  let timer: NodeJS.Timeout | undefined;
  let queue = Promise.resolve();
  fs.watch(folder, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      queue = queue
        .then(() => buildContentAndReport().then(() => undefined))
        .catch((error: unknown) => console.error(error));
    }, 150);
  });
}
