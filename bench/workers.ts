/**
 * Ingest throughput of 1, 2 and 4 `rasd worker` processes on one PostgreSQL, on the real SaudiNewsNet stream.
 *
 *   npx tsc -p . && npx tsx bench/workers.ts [--records N] [--runs R] [--workers 1,2,4] [--batch B]
 *
 * Uses $RASD_PG_URL (a server whose user may CREATE DATABASE) or starts a throw-away PostgreSQL (Debian's).
 * Each run: a fresh database, `rasd ingest --enqueue` of the first N records (not timed), then W workers with
 * --exit-when-idle, timed from start to the last exit. Prints the median articles/s of R runs per worker count, and
 * per run the workers' pipeline and store seconds summed from their job lines (the store phase runs under the lock).
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
  },
});
const RECORDS = Number(values.records);
const RUNS = Number(values.runs);
const COUNTS = values.workers.split(",").map(Number);
const CLI = join(projectRoot(), "bin", "rasd.js");

/** Seconds the workers' job lines report, summed: the parallel pipeline and the store phase (under the lock). */
interface Split {
  pipeline: number;
  store: number;
}

function run(args: string[], split?: Split): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    let pending = "";
    c.stderr.on("data", (d: Buffer) => {
      const text = d.toString();
      err = (err + text).slice(-2000);
      if (split === undefined) return;
      // "rasd worker: job … (pipeline 1.2s, store 3.4s of which …)", one line per job.
      const lines = (pending + text).split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        const m = /\(pipeline ([\d.]+)s, store ([\d.]+)s/u.exec(line);
        if (m) [split.pipeline, split.store] = [split.pipeline + Number(m[1]), split.store + Number(m[2])];
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
  const rows: { workers: number; rates: number[] }[] = [];
  for (const w of COUNTS) {
    const rates: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const split: Split = { pipeline: 0, store: 0 };
      const secs = await withDatabase(admin, async (url) => {
        await run(["ingest", "--pg", url, "--enqueue", "--batch-size", values.batch, file]);
        const t0 = performance.now();
        await Promise.all(Array.from({ length: w }, () => run(["worker", "--pg", url, "--exit-when-idle"], split)));
        return (performance.now() - t0) / 1000;
      });
      rates.push(n / secs);
      const share = `pipeline ${split.pipeline.toFixed(1)} s / store ${split.store.toFixed(1)} s (${Math.round((100 * split.store) / (split.pipeline + split.store))} % under the lock)`;
      process.stderr.write(
        `workers=${w} run ${r + 1}: ${(n / secs).toFixed(1)} articles/s (${secs.toFixed(1)} s); ${share}\n`,
      );
    }
    rows.push({ workers: w, rates });
  }
  const base = median(rows[0]!.rates);
  console.log(
    `\nrasd workers on PostgreSQL: ${n} SaudiNewsNet articles, batches of ${values.batch}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), median of ${RUNS}`,
  );
  console.log("| workers | articles/s | speed-up | runs |");
  console.log("|---:|---:|---:|---|");
  for (const r of rows) {
    console.log(
      `| ${r.workers} | ${median(r.rates).toFixed(1)} | ${(median(r.rates) / base).toFixed(2)}× | ${r.rates.map((x) => x.toFixed(1)).join(", ")} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await server?.stop();
}
