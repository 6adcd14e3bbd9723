/**
 * Golden extraction cases (test/golden/extract/<name>/): `--add NAME CORPUS_PATH` creates a case for a page under
 * ../shared/corpus; `--update` rewrites every expected.json from the current extractor (review the diff: every
 * change must be one you meant). Without options it lists the cases and whether they still match.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { join } from "node:path";
import { projectRoot } from "../src/core/paths.js";
import { snapshot } from "../test/golden/extract-snapshot.js";

const dir = join(projectRoot(), "test", "golden", "extract");
const args = process.argv.slice(2);
const add = args.indexOf("--add");
if (add >= 0) {
  const [name, rel] = [args[add + 1], args[add + 2]];
  if (name === undefined || rel === undefined) throw new Error("usage: golden-extract.ts --add NAME CORPUS_PATH");
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, "source.txt"), `${rel}\n`);
  writeFileSync(join(dir, name, "expected.json"), `${JSON.stringify(await snapshot(rel), null, 1)}\n`);
  console.log(`added ${name} (${rel})`);
}
for (const name of readdirSync(dir)
  .filter((n) => existsSync(join(dir, n, "source.txt")))
  .sort()) {
  const rel = readFileSync(join(dir, name, "source.txt"), "utf8").trim();
  const got = await snapshot(rel);
  const file = join(dir, name, "expected.json");
  const same = existsSync(file) && isDeepStrictEqual(JSON.parse(readFileSync(file, "utf8")), got);
  if (!same && args.includes("--update")) writeFileSync(file, `${JSON.stringify(got, null, 1)}\n`);
  console.log(`${same ? "same   " : args.includes("--update") ? "updated" : "DIFFERS"} ${name}`);
}
