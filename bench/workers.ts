/**
 * Ingest throughput of 1, 2 and 4 `rasd worker` processes on one PostgreSQL, on the real SaudiNewsNet stream.
 *
 *   npx tsc -p . && npx tsx bench/workers.ts [--records N] [--runs R] [--workers 1,2,4] [--batch B] [--rasd DIR]
 *
 * Uses $RASD_PG_URL (a server whose user may CREATE DATABASE) or starts a throw-away PostgreSQL (Debian's).
 * Each run: a fresh database, `rasd ingest --enqueue` of the first N records (not timed), then W workers with
 * --exit-when-idle, timed from start to the last exit. Prints the median articles/s of R runs per worker count, and
 * per run where the workers' time went, summed from their job lines: the pipeline (parallel), waiting for earlier
 * jobs (queue order), waiting for the ingest lock, holding it, and the rest of storing (outside the lock). The
 * serialised share is the time waiting for or holding the lock, or waiting for the turn, over the workers' time;
 * storing outside the lock is mostly replaying the other workers' batches (it grows with the number of workers).
 * The last table is Amdahl's law from the one-worker run's share held under the lock (the part no second worker
 * can overlap): the speed-up of N workers on N free cores, and its cap.
 *
 * --rasd DIR runs the workers of another built checkout (its bin/rasd.js), to compare two versions in one sitting.
 */
import { spawn } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { corpusPath, projectRoot } from "../src/core/paths.js";
import { startThrowawayPostgres } from "../test/helpers/postgres-server.js";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "2000" },
    runs: { type: "string", default: "3" },
    workers: { type: "string", default: "1,2,4" },
    batch: { type: "string", default: "50" },
    rasd: { type: "string" },
  },
});
const RECORDS = Number(values.records);
const RUNS = Number(values.runs);
const COUNTS = values.workers.split(",").map(Number);
const CLI = join(values.rasd ?? projectRoot(), "bin", "rasd.js");

/**
 * Seconds the workers' job lines report, summed: the parallel pipeline, and the store phase with, of it, the waits
 * for earlier jobs and for the ingest lock and the time holding the lock.
 */
interface Split {
  pipeline: number;
  store: number;
  turn: number;
  lockWait: number;
  lock: number;
}
const noSplit = (): Split => ({ pipeline: 0, store: 0, turn: 0, lockWait: 0, lock: 0 });
const total = (s: Split) => s.pipeline + s.store;
/** Time waiting for or holding the lock, or waiting for the turn: what a worker cannot overlap with another's. */
const serialised = (s: Split) => s.turn + s.lockWait + s.lock;
const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(0)} %`;

function run(args: string[], split?: Split): Promise<void> {
  return new Promise((resolve, reject) => {
    // The job notes are read below in English, the words a script asks for with RASD_LANG=en.
    const c = spawn(process.execPath, [CLI, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, RASD_LANG: "en" },
    });
    let err = "";
    let pending = "";
    c.stderr.on("data", (d: Buffer) => {
      const text = d.toString();
      err = (err + text).slice(-2000);
      if (split === undefined) return;
      // "rasd worker: job … (pipeline 1.2s, store 3.4s of which 0.1s waiting for earlier jobs, 0.20s waiting for
      // the ingest lock, 2.90s holding it)", one line per job.
      const lines = (pending + text).split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        const m =
          /\(pipeline ([\d.]+)s, store ([\d.]+)s of which ([\d.]+)s waiting for earlier jobs, ([\d.]+)s waiting for the ingest lock, ([\d.]+)s holding it/u.exec(
            line,
          );
        if (!m) continue;
        split.pipeline += Number(m[1]);
        split.store += Number(m[2]);
        split.turn += Number(m[3]);
        split.lockWait += Number(m[4]);
        split.lock += Number(m[5]);
      }
    });
    c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`rasd ${args[0]} exited ${code}: ${err}`))));
  });
}

async function subset(to: string): Promise<number> {
  const lines: string[] = [];
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", "saudinewsnet.jsonl.gz")).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const l of rl) {
    if (lines.length >= RECORDS) break;
    if (l.trim()) lines.push(l);
  }
  rl.close();
  writeFileSync(to, lines.join("\n") + "\n");
  return lines.length;
}

async function withDatabase<T>(admin: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `rasd_bench_${process.pid}_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = process.env["RASD_PG_URL"] ? undefined : await startThrowawayPostgres();
const admin = process.env["RASD_PG_URL"] || server?.url;
if (!admin) throw new Error("bench/workers: set RASD_PG_URL or install PostgreSQL (Debian's postgresql package)");
const dir = mkdtempSync(join(tmpdir(), "rasd-bench-"));
try {
  const file = join(dir, "stream.jsonl");
  const n = await subset(file);
  const rows: { workers: number; rates: number[]; splits: Split[] }[] = [];
  for (const w of COUNTS) {
    const rates: number[] = [];
    const splits: Split[] = [];
    for (let r = 0; r < RUNS; r++) {
      const split = noSplit();
      const secs = await withDatabase(admin, async (url) => {
        await run(["ingest", "--pg", url, "--enqueue", "--batch-size", values.batch, file]);
        const t0 = performance.now();
        await Promise.all(Array.from({ length: w }, () => run(["worker", "--pg", url, "--exit-when-idle"], split)));
        return (performance.now() - t0) / 1000;
      });
      rates.push(n / secs);
      splits.push(split);
      const t = total(split);
      const share =
        `pipeline ${split.pipeline.toFixed(1)} s, store ${split.store.toFixed(1)} s: turn ${split.turn.toFixed(1)} s, ` +
        `lock wait ${split.lockWait.toFixed(1)} s, lock held ${split.lock.toFixed(1)} s; serialised ${pct(serialised(split), t)}`;
      process.stderr.write(
        `workers=${w} run ${r + 1}: ${(n / secs).toFixed(1)} articles/s (${secs.toFixed(1)} s); ${share}\n`,
      );
    }
    rows.push({ workers: w, rates, splits });
  }
  const base = median(rows[0]!.rates);
  console.log(
    `\nrasd workers on PostgreSQL: ${n} SaudiNewsNet articles, batches of ${values.batch}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), median of ${RUNS}`,
  );
  console.log(
    "| workers | articles/s | speed-up | runs | lock held | lock wait | turn wait | serialised | storing outside the lock |",
  );
  console.log("|---:|---:|---:|---|---:|---:|---:|---:|---:|");
  // Shares from the runs summed: each run's seconds weigh as they were spent.
  const sum = (ss: Split[]): Split =>
    ss.reduce((a, b) => ({
      pipeline: a.pipeline + b.pipeline,
      store: a.store + b.store,
      turn: a.turn + b.turn,
      lockWait: a.lockWait + b.lockWait,
      lock: a.lock + b.lock,
    }));
  for (const r of rows) {
    const s = sum(r.splits);
    const t = total(s);
    console.log(
      `| ${r.workers} | ${median(r.rates).toFixed(1)} | ${(median(r.rates) / base).toFixed(2)}× | ${r.rates.map((x) => x.toFixed(1)).join(", ")} | ` +
        `${pct(s.lock, t)} | ${pct(s.lockWait, t)} | ${pct(s.turn, t)} | ${pct(serialised(s), t)} | ${pct(s.store - serialised(s), t)} |`,
    );
  }
  const one = rows.find((r) => r.workers === 1);
  if (one !== undefined) {
    const s = sum(one.splits);
    const f = s.lock / total(s);
    const amdahl = (cores: number) => 1 / (f + (1 - f) / cores);
    console.log(`\nAmdahl, from one worker's share under the lock (${(100 * f).toFixed(1)} %): speed-up on N cores`);
    console.log("| 2 | 4 | 8 | 16 | cap |");
    console.log("|---:|---:|---:|---:|---:|");
    console.log(`| ${[2, 4, 8, 16].map((c) => `${amdahl(c).toFixed(2)}×`).join(" | ")} | ${(1 / f).toFixed(2)}× |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await server?.stop();
}
