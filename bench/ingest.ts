/**
 * Ingest benchmark: the whole ingest path (read → decode → stages → store with hooks) on a real stream from
 * ../shared/corpus/streams into a fresh embedded store. Each run is its own process, so peak memory (max RSS) is
 * that run's alone (stage threads included). Prints a table: articles/s and peak memory, median of the runs, one
 * row per thread count. `--threads 1,2` measures both in one sitting, runs interleaved (1, 2, 1, 2…) so that a
 * change in the machine's load falls on both alike, and prints each count's speed against the first's with the
 * load average before and after. CPU seconds (all threads) stay comparable on a loaded machine: the one-thread
 * runs also time the stages the threads would take over, and from that share the bound Amdahl's law sets on two
 * cores is printed (the main thread keeps the rest: reading, linking, quotes, storing).
 *
 *   npx tsx bench/ingest.ts [--stream saudinewsnet|ant-multisource] [--limit N] [--runs 3] [--threads 1,2] [--pg URL]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, createReadStream } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGunzip, gzipSync } from "node:zlib";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath } from "../src/core/paths.js";
import { defaultHooks } from "../src/assemble/hooks.js";
import type { Stage } from "../src/core/stage.js";
import { ingest } from "../src/pipeline/ingest.js";
import { createStageParts } from "../src/assemble/stages.js";
import { stagePool } from "../src/assemble/threads.js";
import { Store } from "../src/store/store.js";

const { values } = parseArgs({
  options: {
    stream: { type: "string", default: "saudinewsnet" },
    limit: { type: "string" },
    runs: { type: "string", default: "3" },
    pg: { type: "string" },
    threads: { type: "string", default: "1" },
    child: { type: "string" },
  },
});

async function child(input: string, dir: string, threads: number): Promise<void> {
  await loadHasher();
  const store = await Store.open(values.pg ? { pg: values.pg } : { dir });
  const parts = createStageParts();
  // As pipelineFor builds them: the threads run the first stages, this thread links with the run's registry.
  const pool = threads > 1 ? stagePool(threads) : undefined;
  // In one thread, the CPU time of the stages the threads would run (decode is not counted: a small part).
  let threadable = 0;
  const timed = (s: Stage): Stage => ({
    name: s.name,
    async run(doc, ctx) {
      const c = process.cpuUsage();
      await s.run(doc, ctx);
      const d = process.cpuUsage(c);
      threadable += (d.user + d.system) / 1e6;
    },
  });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await ingest(store, {
    paths: [input],
    stages: [...(pool === undefined ? parts.parallel.map(timed) : parts.parallel), ...parts.shared],
    hooks: await defaultHooks(store),
    threads: pool === undefined ? undefined : { pool, rest: parts.shared },
  });
  const seconds = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const cpuSeconds = (c1.user + c1.system) / 1e6;
  await pool?.close();
  await store.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ stored: report.stored, failed: report.failed, seconds, cpuSeconds, threadable, maxRssMb }) + "\n",
  );
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
    const [input, dir, threads] = values.child.split("\n");
    await child(input!, dir!, Number(threads));
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), "rasd-bench-"));
  let input = corpusPath("streams", `${values.stream}.jsonl.gz`);
  if (values.limit) {
    const out = join(tmp, "subset.jsonl.gz");
    await subset(input, Number(values.limit), out);
    input = out;
  }
  const counts = values.threads.split(",").map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--threads takes counts like 1,2: ${values.threads}`);
  const load0 = loadavg();
  type Run = { stored: number; seconds: number; cpuSeconds: number; threadable: number; maxRssMb: number };
  const runs = new Map<number, Run[]>(counts.map((n) => [n, []]));
  for (let i = 0; i < Number(values.runs); i++) {
    for (const threads of counts) {
      const dir = join(tmp, `store-${i}-${threads}`);
      const args = [
        "--import",
        "tsx",
        fileURLToPath(import.meta.url),
        "--child",
        `${input}\n${dir}\n${threads}`,
        ...(values.pg ? ["--pg", values.pg] : []),
      ];
      const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`run ${i + 1} (${threads} threads) failed: ${r.stderr.slice(-2000)}`);
      const line = r.stdout.trim().split("\n").pop()!;
      runs.get(threads)!.push(JSON.parse(line));
      rmSync(dir, { recursive: true, force: true });
      process.stderr.write(`run ${i + 1}, ${threads} threads: ${line}\n`);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  const load1 = loadavg();
  console.log(
    `\ningest benchmark — ${values.stream}${values.limit ? ` (first ${values.limit})` : ""}, ${values.pg ? "PostgreSQL" : "embedded store"}`,
  );
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  console.log(`load average (1, 5, 15 min): ${fmt(load0)} before, ${fmt(load1)} after`);
  console.log(
    "| threads | runs | articles | articles/s (median) | × first | seconds (median) | CPU s, all threads (median) | peak RSS MB (median) |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  const base = median(runs.get(counts[0]!)!.map((r) => r.stored / r.seconds));
  for (const threads of counts) {
    const rs = runs.get(threads)!;
    const rate = median(rs.map((r) => r.stored / r.seconds));
    console.log(
      `| ${threads} | ${rs.length} | ${rs[0]?.stored} | ${rate.toFixed(0)} | ${(rate / base).toFixed(2)} | ${median(rs.map((r) => r.seconds)).toFixed(1)} | ${median(rs.map((r) => r.cpuSeconds)).toFixed(1)} | ${median(rs.map((r) => r.maxRssMb)).toFixed(0)} |`,
    );
  }
  const single = runs.get(1);
  if (single !== undefined) {
    const share = median(single.map((r) => r.threadable / r.cpuSeconds));
    // Two threads on two cores, the main thread's share (1 - share) beside them: wall ≥ max(all / 2, main's share).
    const bound = 1 / Math.max(0.5, 1 - share);
    console.log(
      `one thread: ${(share * 100).toFixed(0)}% of the CPU time in the stages the threads take over; ` +
        `Amdahl's bound on 2 cores: ${bound.toFixed(2)}×`,
    );
  }
}

await main();
