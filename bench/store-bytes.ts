/**
 * Bytes per article of a fresh embedded store after one ingest of the first N SaudiNewsNet records (per table,
 * `pg_total_relation_size`), with the ingest's wall time. Run it on two checkouts side by side to compare what a
 * change does to the store's size (docs/scale.md, "A store that grows").
 *
 *   npx tsx bench/store-bytes.ts [--records 2500] [--dir /tmp/rasd-store-bytes]   (the folder is emptied first)
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import { pipelineFor } from "../src/assemble/for-store.js";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath } from "../src/core/paths.js";
import { ingest } from "../src/pipeline/ingest.js";
import { Store } from "../src/store/store.js";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "2500" },
    dir: { type: "string", default: join(tmpdir(), "rasd-store-bytes") },
  },
});
const n = Number(values.records);
const tmp = mkdtempSync(join(tmpdir(), "rasd-store-bytes-input-"));
const input = join(tmp, "input.jsonl");
const lines: string[] = [];
const rl = createInterface({
  input: createReadStream(corpusPath("streams", "saudinewsnet.jsonl.gz")).pipe(createGunzip()),
});
for await (const line of rl) {
  if (line.trim() !== "") lines.push(line);
  if (lines.length === n) break;
}
rl.close();
writeFileSync(input, lines.join("\n") + "\n");

rmSync(values.dir, { recursive: true, force: true });
await loadHasher();
const store = await Store.open({ dir: values.dir });
const t0 = performance.now();
const r = await ingest(store, { paths: [input], ...(await pipelineFor(store)) });
const seconds = (performance.now() - t0) / 1000;
const rows = await store.db.query<{ t: string; b: number }>(
  `SELECT c.relname AS t, pg_total_relation_size(c.oid)::float8 AS b FROM pg_class c
     JOIN pg_namespace s ON s.oid = c.relnamespace
    WHERE c.relkind = 'r' AND s.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 2 DESC`,
);
await store.close();
rmSync(tmp, { recursive: true, force: true });
const total = rows.reduce((a, x) => a + Number(x.b), 0);
console.log(
  `${r.stored} articles stored in ${seconds.toFixed(1)} s; ${Math.round(total / r.stored)} bytes per article`,
);
for (const x of rows) if (Number(x.b) / r.stored >= 50) console.log(`  ${x.t} ${Math.round(Number(x.b) / r.stored)}`);
