import { appendFileSync } from "node:fs";
import type { LoadHook } from "node:module";

/**
 * A module loader hook (registered by load-log.ts) that appends the URL of every file module the process loads to
 * the file named by $RASD_LOAD_LOG, one per line: tests read it to see what a command really loaded.
 */
export const load: LoadHook = (url, context, next) => {
  const log = process.env["RASD_LOAD_LOG"];
  if (log && url.startsWith("file:")) appendFileSync(log, url + "\n");
  return next(url, context);
};
