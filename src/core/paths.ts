import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The project's root: the nearest folder above this module with a package.json named rasd. Works the same from
 * `src/` (run through tsx) and from `dist/src/` (compiled), so tests, benchmarks and the CLI share one answer.
 */
export function projectRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "src", "core"))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error("rasd: cannot find the project root (a folder with package.json and src/core)");
    dir = up;
  }
}

/** A path under ../shared/corpus, beside the project: real data written by others, read in place, never copied. */
export function corpusPath(...parts: string[]): string {
  return resolve(projectRoot(), "..", "shared", "corpus", ...parts);
}
