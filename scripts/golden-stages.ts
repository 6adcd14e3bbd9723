/**
 * The pinned results of the entities and quotes stages (test/entities/stage-digest.json, see
 * test/entities/stage-digest.ts): without options, says whether the current code still gives them; `--update`
 * rewrites the file (only when a change of results is meant: speed work must leave it as it is).
 *   npx tsx scripts/golden-stages.ts [--update]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { projectRoot } from "../src/core/paths.js";
import { DIGEST_FILE, stageDigests } from "../test/entities/stage-digest.js";

const file = join(projectRoot(), ...DIGEST_FILE);
const got = await stageDigests();
const same = existsSync(file) && isDeepStrictEqual(JSON.parse(readFileSync(file, "utf8")), got);
const counts = Object.entries(got)
  .map(([g, h]) => `${g} ${h.length}`)
  .join(", ");
if (!same && process.argv.includes("--update")) {
  writeFileSync(file, `${JSON.stringify(got, null, 1)}\n`);
  console.log(`wrote ${DIGEST_FILE.join("/")} (${counts})`);
} else console.log(`${same ? "same as" : "DIFFERENT from"} ${DIGEST_FILE.join("/")} (${counts})`);
if (!same && !process.argv.includes("--update")) process.exitCode = 1;
