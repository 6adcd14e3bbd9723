/**
 * Long-run benchmark (issue 24): an embedded store grown to 250,000 articles, and at 10k, 60k and 250k stored what
 * a desk that has run for a year pays: start-up time and peak memory of a process that ingests one new article,
 * articles/s over the next 1,000, and bytes per article (per table).
 *
 * The store is built once, outside the repository (it takes hours on a loaded 2-core machine), from both streams in
 * ../shared/corpus/streams and then copies of them with their dates shifted by whole years (+1, +2, …) and their
 * URLs (hence their ids) marked with the shift: new articles, not duplicates. A copy of the store is kept at each
 * size, so measuring never changes what was built and can be rerun. The probe articles (one, then 1,000) are the
 * SaudiNewsNet stream shifted by +10 years, the same for every size.
 *
 *   npx tsx bench/growth.ts --build   [--dir ../rasd-growth-store] [--sizes 10000,60000,250000]   (resumable)
 *   npx tsx bench/growth.ts --measure [--dir ../rasd-growth-store] [--sizes 10000,60000,250000]
 *   npx tsx bench/growth.ts --measure --store PATH [--no-rate]   (one store folder, copied first; --no-rate skips
 *                                                                 the 1,000 new articles)
 *
 * Built files: DIR/input/chunk-NNN.jsonl.gz (≤ 5,000 records each, in ingest order), DIR/store (the growing store),
 * DIR/at-SIZE (a closed copy at each size), DIR/progress.json (chunks done, for --build to resume).
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGunzip, gzipSync } from "node:zlib";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath, projectRoot } from "../src/core/paths.js";
import { pipelineFor } from "../src/assemble/for-store.js";
import { ingest } from "../src/pipeline/ingest.js";
import { Store } from "../src/store/store.js";

const { values } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    measure: { type: "boolean", default: false },
    // Outside the repository (it grows to gigabytes), beside it by default.
    dir: { type: "string", default: join(projectRoot(), "..", "rasd-growth-store") },
    sizes: { type: "string", default: "10000,60000,250000" },
    child: { type: "string" },
    // Measure one store folder instead of the kept copies (it is copied first, never written).
    store: { type: "string" },
    // Skip the 1,000-article rate (start-up, memory and bytes only: minutes instead of tens of minutes when loaded).
    "no-rate": { type: "boolean", default: false },
  },
});
const dir = values.dir;
const sizes = values.sizes.split(",").map(Number);
const CHUNK = 5000;
const STREAMS = ["saudinewsnet", "ant-multisource"];
const PROBE_SHIFT = 10;

/** A record's dates moved by `years` whole years (ISO out), its URL and id marked with the shift. */
function shifted(rec: Record<string, unknown>, years: number): Record<string, unknown> {
  if (years === 0) return rec;
  const out: Record<string, unknown> = { ...rec };
  for (const f of ["date_extracted", "time", "date", "published"]) {
    const v = out[f];
    if (typeof v !== "string") continue;
    const t = Date.parse(/^\d{4}-\d\d-\d\d \d/.test(v) ? v.replace(" ", "T") + "Z" : v);
    if (!Number.isFinite(t)) continue;
    const d = new Date(t);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    out[f] = d.toISOString();
  }
  if (typeof out["url"] === "string")
    out["url"] = `${out["url"]}${out["url"].includes("?") ? "&" : "?"}year_shift=${years}`;
  if (typeof out["docno"] === "string") out["docno"] = `${out["docno"]}+${years}y`;
  return out;
}

async function* records(stream: string): AsyncGenerator<Record<string, unknown>> {
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", `${stream}.jsonl.gz`)).pipe(createGunzip()),
  });
  for await (const line of rl) if (line.trim() !== "") yield JSON.parse(line) as Record<string, unknown>;
}

/** Writes the input chunks up to `total` records: both streams, then both again a year later, and so on. */
async function writeChunks(total: number): Promise<string[]> {
  const inputDir = join(dir, "input");
  mkdirSync(inputDir, { recursive: true });
  const listFile = join(inputDir, "chunks.json");
  if (existsSync(listFile)) {
    const list = JSON.parse(readFileSync(listFile, "utf8")) as { total: number; files: string[] };
    if (list.total >= total) return list.files;
  }
  const files: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    const f = join(inputDir, `chunk-${String(files.length).padStart(3, "0")}.jsonl.gz`);
    writeFileSync(f, gzipSync(lines.join("\n")));
    files.push(f);
    lines = [];
  };
  let n = 0;
  for (let years = 0; n < total; years++) {
    for (const s of STREAMS) {
      for await (const r of records(s)) {
        if (n >= total) break;
        lines.push(JSON.stringify(shifted(r, years)));
        n++;
        if (lines.length === CHUNK) flush();
      }
    }
  }
  if (lines.length > 0) flush();
  writeFileSync(listFile, JSON.stringify({ total, files }));
  return files;
}

async function build(): Promise<void> {
  await loadHasher();
  const max = Math.max(...sizes);
  const files = await writeChunks(max);
  const progressFile = join(dir, "progress.json");
  const progress = existsSync(progressFile)
    ? (JSON.parse(readFileSync(progressFile, "utf8")) as { chunks: number; records: number })
    : { chunks: 0, records: 0 };
  const storeDir = join(dir, "store");
  for (let i = progress.chunks; i < files.length; i++) {
    const store = await Store.open({ dir: storeDir });
    const t0 = performance.now();
    const r = await ingest(store, { paths: [files[i]!], ...(await pipelineFor(store)) });
    const s = (performance.now() - t0) / 1000;
    const count = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
    await store.close();
    progress.chunks = i + 1;
    progress.records += r.documents;
    writeFileSync(progressFile, JSON.stringify(progress));
    const stored = Number(count[0]!.n);
    console.log(
      `${new Date().toISOString()} chunk ${i + 1}/${files.length}: +${r.stored} (${r.failed} failed) in ${s.toFixed(0)} s, ${(r.stored / s).toFixed(1)}/s; ${stored} stored`,
    );
    for (const size of sizes) {
      if (progress.records === size && !existsSync(join(dir, `at-${size}`))) {
        cpSync(storeDir, join(dir, `at-${size}`), { recursive: true });
        console.log(`  copy kept: ${join(dir, `at-${size}`)}`);
      }
    }
  }
}

/**
 * The probe inputs (SaudiNewsNet shifted by PROBE_SHIFT years): a first article (its run checkpoints a store built
 * before checkpoints existed), one new article (the start-up measured), then the next 1,000.
 */
async function probes(tmp: string): Promise<{ prime: string; one: string; more: string }> {
  const lines: string[] = [];
  for await (const r of records("saudinewsnet")) {
    lines.push(JSON.stringify(shifted(r, PROBE_SHIFT)));
    if (lines.length === 1002) break;
  }
  const prime = join(tmp, "prime.jsonl.gz");
  const one = join(tmp, "one.jsonl.gz");
  const more = join(tmp, "more.jsonl.gz");
  writeFileSync(prime, gzipSync(lines[0]!));
  writeFileSync(one, gzipSync(lines[1]!));
  writeFileSync(more, gzipSync(lines.slice(2).join("\n")));
  return { prime, one, more };
}

/**
 * In a child process: opens the store, ingests `input`; reports the wall time from process start, its parts (open
 * and migrate, the pipeline with its entity registry, the ingest itself: the clustering memory is built in its first
 * batch) and peak memory.
 */
async function child(storeDir: string, input: string): Promise<void> {
  await loadHasher();
  const t0 = performance.now();
  const store = await Store.open({ dir: storeDir });
  const t1 = performance.now();
  const pipeline = await pipelineFor(store);
  const t2 = performance.now();
  const r = await ingest(store, { paths: [input], ...pipeline });
  const t3 = performance.now();
  await store.close();
  const processSeconds = performance.now() / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const parts = { open: (t1 - t0) / 1000, pipeline: (t2 - t1) / 1000, ingest: (t3 - t2) / 1000 };
  process.stdout.write(
    JSON.stringify({ stored: r.stored, ingestSeconds: parts.ingest, processSeconds, maxRssMb, parts }) + "\n",
  );
}

interface ChildResult {
  parts: { open: number; pipeline: number; ingest: number };
  stored: number;
  ingestSeconds: number;
  processSeconds: number;
  maxRssMb: number;
}

function runChild(storeDir: string, input: string): ChildResult {
  const args = ["--import", "tsx", fileURLToPath(import.meta.url), "--child", `${storeDir}\n${input}`];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as ChildResult;
}

async function bytes(storeDir: string): Promise<{ articles: number; total: number; tables: [string, number][] }> {
  const store = await Store.open({ dir: storeDir });
  const n = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
  const rows = await store.db.query<{ t: string; b: number }>(
    `SELECT c.relname AS t, pg_total_relation_size(c.oid)::float8 AS b FROM pg_class c
       JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE c.relkind = 'r' AND s.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 2 DESC`,
  );
  await store.close();
  const tables = rows.map((r): [string, number] => [r.t, Number(r.b)]);
  return { articles: Number(n[0]!.n), total: tables.reduce((s, [, b]) => s + b, 0), tables };
}

async function measure(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), "rasd-growth-"));
  const { prime, one, more } = await probes(tmp);
  console.log(`growth benchmark — embedded store; machine: ${cpus().length} cores, Node ${process.version}`);
  console.log("| stored | start-up + 1 article (s) | peak RSS (MB) | articles/s over next 1,000 | bytes/article |");
  console.log("|---:|---:|---:|---:|---:|");
  const details: string[] = [];
  const folders = values.store !== undefined ? [values.store] : sizes.map((size) => join(dir, `at-${size}`));
  for (const [i, kept] of folders.entries()) {
    const size = values.store !== undefined ? i : sizes[i]!;
    if (!existsSync(kept)) {
      console.log(`| ${size} | not built yet (${kept}) | | | |`);
      continue;
    }
    // Measured on a copy: opening a store migrates it and takes its lock, and the kept one must stay as built.
    const work = join(tmp, `store-${size}`);
    cpSync(kept, work, { recursive: true });
    const b = await bytes(work);
    const primed = runChild(work, prime);
    const first = runChild(work, one);
    const next = values["no-rate"] ? { stored: 0, ingestSeconds: NaN } : runChild(work, more);
    rmSync(work, { recursive: true, force: true });
    console.log(
      `| ${b.articles} | ${first.processSeconds.toFixed(2)} (open ${first.parts.open.toFixed(2)}, pipeline ${first.parts.pipeline.toFixed(2)}, ingest ${first.parts.ingest.toFixed(2)}) | ${first.maxRssMb.toFixed(0)} | ${(next.stored / next.ingestSeconds).toFixed(1)} (${next.stored} stored) | ${(b.total / b.articles).toFixed(0)} |`,
    );
    details.push(
      `${b.articles} stored: first start (no checkpoint yet) ${primed.processSeconds.toFixed(2)} s, ${primed.maxRssMb.toFixed(0)} MB; ` +
        b.tables
          .filter(([, x]) => x / b.articles >= 50)
          .map(([t, x]) => `${t} ${(x / b.articles).toFixed(0)}`)
          .join(", "),
    );
  }
  console.log("\nbytes per article by table (≥ 50 B):");
  for (const d of details) console.log(`  ${d}`);
  rmSync(tmp, { recursive: true, force: true });
}

if (values.child) {
  const [storeDir, input] = values.child.split("\n");
  await child(storeDir!, input!);
} else if (values.build) await build();
else if (values.measure) await measure();
else throw new Error("say --build or --measure (see the comment at the top of bench/growth.ts)");
