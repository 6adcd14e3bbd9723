/**
 * Both news streams with the full analysis clustering sees in the pipeline (extraction, then entity recognition and
 * linking through one registry for the run), cached under $TMPDIR in arrival order (publication day, undated first)
 * for the stream report (bench/cluster-report.ts --entities). Nothing is written into the project.
 *
 *   npx tsx bench/cluster-streams.ts          (writes the cache once; delete it to refresh)
 */
import { createReadStream, createWriteStream, existsSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createEntitiesStages, EntityRegistry } from "../src/annotate/entities/index.js";
import { loadHasher } from "../src/core/hash.js";
import type { Article } from "../src/core/types.js";
import { extractStage } from "../src/extract/index.js";
import { streamArticles } from "./cluster-load.js";

/** Both streams, extracted and with entities, in arrival order. */
export const ENTITY_CACHE = join(tmpdir(), "rasd-cluster-bench-entities.jsonl");

export async function writeEntityCache(): Promise<void> {
  if (existsSync(ENTITY_CACHE)) return;
  await loadHasher();
  const entities = createEntitiesStages(new EntityRegistry());
  const use = [extractStage, entities.recognise, entities.link];
  const unsorted = ENTITY_CACHE + ".unsorted";
  const out = createWriteStream(unsorted);
  let n = 0;
  for (const name of ["saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz"]) {
    for await (const a of streamArticles(name, Infinity, use)) {
      out.write(JSON.stringify(a) + "\n");
      if (++n % 5000 === 0) console.log(`${n} articles analysed`);
    }
  }
  await new Promise((r) => out.end(r));
  const keyed: { date: string; line: string }[] = [];
  for await (const line of createInterface({ input: createReadStream(unsorted) })) {
    keyed.push({ date: (JSON.parse(line) as Article).published.date ?? "", line });
  }
  // A stable sort: articles of one day keep their order in the stream.
  keyed.sort((a, b) => a.date.localeCompare(b.date));
  const sorted = createWriteStream(ENTITY_CACHE + ".part");
  for (const k of keyed) sorted.write(k.line + "\n");
  await new Promise((r) => sorted.end(r));
  renameSync(ENTITY_CACHE + ".part", ENTITY_CACHE);
}

if (process.argv[1]?.endsWith("cluster-streams.ts")) {
  await writeEntityCache();
  console.log(`cache: ${ENTITY_CACHE}`);
}
