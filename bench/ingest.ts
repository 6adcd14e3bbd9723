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
import type { IngestHook } from "../src/store/hooks.js";
import type { Sql } from "../src/store/sql.js";
import { ingest } from "../src/pipeline/ingest.js";
import { storeStageParts } from "../src/assemble/stages.js";
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

/** CPU seconds by step, for the one-thread breakdown (per article, printed by the parent). */
type Steps = Record<string, number>;

function cpuSince(c: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1e6;
}

/** The step a SQL statement's time counts under: its verb and table, so the breakdown names what it writes. */
function statementOf(text: string): string {
  const t = text.replace(/\s+/gu, " ").trim();
  const m = /^(INSERT INTO|UPDATE|DELETE FROM|SELECT .*? FROM|WITH) ?([a-z_]*)/iu.exec(t);
  return `sql ${m === null ? t.slice(0, 30) : `${m[1]!.split(" ")[0]!.toLowerCase()} ${m[2]}`}`;
}

/**
 * The store with each statement's CPU time counted under `statementOf`. In one thread, nothing else runs while
 * PGlite works (it runs in this thread), so the time between the call and its answer is the statement's.
 */
function timedSql(sql: Sql, steps: Steps): Sql {
  return {
    async query<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
      const c = process.cpuUsage();
      try {
        return await sql.query<T>(text, params);
      } finally {
        const k = statementOf(text);
        steps[k] = (steps[k] ?? 0) + cpuSince(c);
      }
    },
    exec: (text) => sql.exec(text),
    transaction: (fn) => sql.transaction((tx) => fn(timedSql(tx, steps))),
  };
}

async function child(input: string, dir: string, threads: number): Promise<void> {
  await loadHasher();
  const store = await Store.open(values.pg ? { pg: values.pg } : { dir });
  const parts = storeStageParts();
  // As pipelineFor builds them: the threads run the first stages, this thread links with the run's registry.
  const pool = threads > 1 ? stagePool(threads) : undefined;
  // In one thread, the CPU time of each step: the stages the threads would run (decode is not counted: a small
  // part), the stages that stay here, the hooks (their SQL apart) and each kind of statement.
  const steps: Steps = {};
  const timed = (s: Stage, group: string): Stage => ({
    name: s.name,
    async run(doc, ctx) {
      const c = process.cpuUsage();
      await s.run(doc, ctx);
      const k = `${group} ${s.name}`;
      steps[k] = (steps[k] ?? 0) + cpuSince(c);
    },
  });
  const timedHook = (h: IngestHook): IngestHook => ({
    name: h.name,
    prepare(articles) {
      const c = process.cpuUsage();
      h.prepare?.(articles);
      steps[`prepare ${h.name}`] = (steps[`prepare ${h.name}`] ?? 0) + cpuSince(c);
    },
    ...(h.follow === undefined ? {} : { follow: (sql: Sql) => h.follow!(sql) }),
    async run(tx, articles, rows) {
      const before = sqlSeconds(steps);
      const c = process.cpuUsage();
      await h.run(tx, articles, rows);
      // The hook's own work: its statements are counted under theirs.
      const k = `hook ${h.name} (JS)`;
      steps[k] = (steps[k] ?? 0) + cpuSince(c) - (sqlSeconds(steps) - before);
    },
  });
  if (pool === undefined) {
    const db = store.db;
    // The driver's own functions, kept before they are replaced by the counting ones that call them.
    const own: Sql = { query: db.query.bind(db), exec: db.exec.bind(db), transaction: db.transaction.bind(db) };
    const counted = timedSql(own, steps);
    Object.assign(db, { query: counted.query, transaction: counted.transaction });
  }
  const hooks = await defaultHooks(store);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await ingest(store, {
    paths: [input],
    stages:
      pool === undefined
        ? [...parts.parallel.map((s) => timed(s, "threads")), ...parts.shared.map((s) => timed(s, "here"))]
        : [...parts.parallel, ...parts.shared],
    hooks: pool === undefined ? hooks.map(timedHook) : hooks,
    threads: pool === undefined ? undefined : { pool, rest: parts.shared },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpuSince(c0);
  await pool?.close();
  await store.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const threadable = Object.entries(steps)
    .filter(([k]) => k.startsWith("threads "))
    .reduce((n, [, v]) => n + v, 0);
  process.stdout.write(
    JSON.stringify({
      stored: report.stored,
      failed: report.failed,
      seconds,
      cpuSeconds,
      threadable,
      maxRssMb,
      steps,
    }) + "\n",
  );
}

function sqlSeconds(steps: Steps): number {
  return Object.entries(steps)
    .filter(([k]) => k.startsWith("sql "))
    .reduce((n, [, v]) => n + v, 0);
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
  type Run = {
    stored: number;
    seconds: number;
    cpuSeconds: number;
    threadable: number;
    maxRssMb: number;
    steps: Steps;
  };
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
    breakdown(single);
  }
}

/**
 * Where one thread's CPU time goes, in ms per article stored (median of the one-thread runs): the stages the
 * threads take over, then everything that stays in the main thread, by step; "rest" is what no step counts
 * (reading, decoding and identifying the documents, the id checks, the transaction's own statements).
 */
function breakdown(single: { stored: number; cpuSeconds: number; steps: Steps }[]): void {
  const keys = [...new Set(single.flatMap((r) => Object.keys(r.steps)))];
  const per = (r: { stored: number }, s: number) => (1000 * s) / Math.max(1, r.stored);
  const rows = keys.map((k) => ({ k, ms: median(single.map((r) => per(r, r.steps[k] ?? 0))) }));
  const total = median(single.map((r) => per(r, r.cpuSeconds)));
  const counted = median(
    single.map((r) =>
      per(
        r,
        Object.values(r.steps).reduce((a, b) => a + b, 0),
      ),
    ),
  );
  const threads = rows.filter((r) => r.k.startsWith("threads ")).reduce((n, r) => n + r.ms, 0);
  const main = total - threads;
  console.log(
    `\none thread, CPU ms per article: ${total.toFixed(2)} in all, ${threads.toFixed(2)} in the stages the threads take over, ${main.toFixed(2)} main thread's own`,
  );
  console.log("| step | ms per article | % of the main thread's |");
  console.log("|---|---:|---:|");
  for (const r of rows.filter((r) => !r.k.startsWith("threads ")).sort((a, b) => b.ms - a.ms))
    console.log(`| ${r.k} | ${r.ms.toFixed(2)} | ${((100 * r.ms) / main).toFixed(1)} |`);
  const rest = total - counted;
  console.log(
    `| rest (reading, decode + id, id checks, transaction) | ${rest.toFixed(2)} | ${((100 * rest) / main).toFixed(1)} |`,
  );
}

await main();
