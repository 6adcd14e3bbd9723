/**
 * Builds src/cluster/model/df.json.gz: in how many stream articles each analysed term occurs (terms seen in at
 * least MIN_DF articles; counts only, no text). Run: npx tsx bench/cluster-df.ts
 */
import { createReadStream, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { analyzeTerms } from "../src/analysis/ar/index.js";
import { corpusPath, projectRoot } from "../src/core/paths.js";
import { DF_FILE } from "../src/cluster/df.js";

const MIN_DF = 5;
const STREAMS = ["saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz"];

async function main(): Promise<void> {
  const df = new Map<string, number>();
  let n = 0;
  for (const name of STREAMS) {
    const lines = createInterface({ input: createReadStream(corpusPath("streams", name)).pipe(createGunzip()) });
    for await (const line of lines) {
      if (line.trim() === "") continue;
      const r = JSON.parse(line) as Record<string, unknown>;
      const text = [r["title"], r["content"], r["text"]].filter((x) => typeof x === "string").join("\n");
      n++;
      for (const t of new Set(analyzeTerms(text))) df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const kept: Record<string, number> = {};
  for (const [t, c] of [...df].sort((a, b) => b[1] - a[1])) if (c >= MIN_DF) kept[t] = c;
  writeFileSync(join(projectRoot(), DF_FILE), gzipSync(JSON.stringify({ n, df: kept })));
  console.log(`documents ${n}, terms ${df.size}, kept ${Object.keys(kept).length} (df ≥ ${MIN_DF}) → ${DF_FILE}`);
}

await main();
