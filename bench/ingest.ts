/**
 * Ingest benchmark: the whole ingest path (read → decode → stages → store with hooks) on a real stream from
 * ../shared/corpus/streams into a fresh embedded store. Each run is its own process, so peak memory (max RSS) is
 * that run's alone. Prints a table: articles/s and peak memory, median of the runs.
 *
 *   npx tsx bench/ingest.ts [--stream saudinewsnet|ant-multisource] [--limit N] [--runs 3] [--pg URL]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, createReadStream } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGunzip, gzipSync } from "node:zlib";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath } from "../src/core/paths.js";
import { defaultHooks } from "../src/assemble/hooks.js";
import { ingest } from "../src/pipeline/ingest.js";
import { createStages } from "../src/assemble/stages.js";
import { Store } from "../src/store/store.js";

const { values } = parseArgs({
  options: {
    stream: { type: "string", default: "saudinewsnet" },
    limit: { type: "string" },
    runs: { type: "string", default: "3" },
    pg: { type: "string" },
    child: { type: "string" },
  },
});

async function child(input: string, dir: string): Promise<void> {
  await loadHasher();
  const store = await Store.open(values.pg ? { pg: values.pg } : { dir });
  const t0 = performance.now();
  const report = await ingest(store, { paths: [input], stages: createStages(), hooks: await defaultHooks(store) });
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ stored: report.stored, failed: report.failed, seconds, maxRssMb }) + "\n");
}

async function subset(source: string, limit: number, out: string): Promise<void> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(source).pipe(createGunzip()) });
  for await (const line of rl) {
    lines.push(line);
    if (lines.length >= limit) break;
  }
  rl.close();
  writeFileSync(out, gzipSync(lines.join("\n")));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

async function main(): Promise<void> {
  if (values.child) {
    const [input, dir] = values.child.split("\n");
    await child(input!, dir!);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), "rasd-bench-"));
  let input = corpusPath("streams", `${values.stream}.jsonl.gz`);
  if (values.limit) {
    const out = join(tmp, "subset.jsonl.gz");
    await subset(input, Number(values.limit), out);
    input = out;
  }
  const runs: { stored: number; seconds: number; maxRssMb: number }[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const dir = join(tmp, `store-${i}`);
    const args = [
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--child",
      `${input}\n${dir}`,
      ...(values.pg ? ["--pg", values.pg] : []),
    ];
    const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`run ${i + 1} failed: ${r.stderr.slice(-2000)}`);
    const line = r.stdout.trim().split("\n").pop()!;
    runs.push(JSON.parse(line));
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`run ${i + 1}: ${line}\n`);
  }
  rmSync(tmp, { recursive: true, force: true });
  const rates = runs.map((r) => r.stored / r.seconds);
  console.log(
    `\ningest benchmark — ${values.stream}${values.limit ? ` (first ${values.limit})` : ""}, ${values.pg ? "PostgreSQL" : "embedded store"}`,
  );
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
  console.log("| runs | articles | articles/s (median) | seconds (median) | peak RSS MB (median) |");
  console.log("|---|---|---|---|---|");
  console.log(
    `| ${runs.length} | ${runs[0]?.stored} | ${median(rates).toFixed(0)} | ${median(runs.map((r) => r.seconds)).toFixed(1)} | ${median(runs.map((r) => r.maxRssMb)).toFixed(0)} |`,
  );
}

await main();
