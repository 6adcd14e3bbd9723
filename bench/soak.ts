/**
 * A bounded soak: ingest and search together, in one process, as `rasd serve` runs them (uploads and readers share
 * one store), with memory sampled throughout. Real records from ../shared/corpus/streams are ingested in chunks
 * (the full pipeline: extract, annotate, dedup, cluster, search index, entity registry) into an embedded store on
 * disk, while a client on loopback searches the HTTP API without pause. Stops by itself after RASD_SOAK_DOCS
 * documents or RASD_SOAK_SECONDS seconds, whichever comes first.
 *
 *   npx tsx bench/soak.ts [--docs 3000] [--seconds 300] [--chunk 250] [--store DIR] [--no-cluster]
 *
 * Prints one row per chunk (documents, rate, search latency, heap after a full GC, RSS) and a verdict on memory:
 * the heap after GC, per 1,000 articles, in the second half of the run against the first.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createGunzip } from "node:zlib";
import { persistEntities } from "../src/annotate/entities/persist.js";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath } from "../src/core/paths.js";
import { defaultHooks } from "../src/assemble/hooks.js";
import type { IngestHook } from "../src/store/hooks.js";
import { ingest } from "../src/pipeline/ingest.js";
import { createStages } from "../src/assemble/stages.js";
import { searchHook } from "../src/search/index.js";
import { startServer } from "../src/server/serve.js";
import { Store } from "../src/store/store.js";

function option(name: string, env: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = Number(i >= 0 ? process.argv[i + 1] : process.env[env]);
  return Number.isFinite(v) && v > 0 ? v : def;
}

const DOCS = option("docs", "RASD_SOAK_DOCS", 3000);
const SECONDS = option("seconds", "RASD_SOAK_SECONDS", 300);
const CHUNK = option("chunk", "RASD_SOAK_CHUNK", 250);

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap after a full collection: what the process really holds, not what the collector has not reclaimed yet. */
function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

async function* chunks(n: number, size: number): AsyncGenerator<string[]> {
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", "saudinewsnet.jsonl.gz")).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let chunk: string[] = [];
  let seen = 0;
  for await (const line of rl) {
    if (line.trim() === "") continue;
    chunk.push(line);
    if (++seen >= n || chunk.length >= size) {
      yield chunk;
      chunk = [];
      if (seen >= n) break;
    }
  }
  rl.close();
  if (chunk.length > 0) yield chunk;
}

/** Words to search for: the second and third words of titles already ingested (short, topical, never empty). */
function queryWords(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const words = String((JSON.parse(l) as { title?: string }).title ?? "")
      .split(/\s+/u)
      .filter((w) => /\p{L}{3,}/u.test(w));
    if (words.length >= 3) out.push(`${words[1]} ${words[2]}`);
  }
  return out;
}

function pct(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

interface Row {
  docs: number;
  seconds: number;
  rate: number;
  searches: number;
  p50: number;
  p95: number;
  heap: number;
  rss: number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rasd-soak-"));
  const storeDir = process.argv.includes("--store")
    ? process.argv[process.argv.indexOf("--store") + 1]!
    : join(dir, "store");
  await loadHasher();
  const store = await Store.open({ dir: storeDir });
  // --no-cluster leaves out the clustering hook, to tell its memory from the rest (search index, entity registry).
  const hooks: IngestHook[] = (await defaultHooks(store)).filter(
    (h) => !(process.argv.includes("--no-cluster") && h.name === "cluster"),
  );
  const names = new Set(hooks.map((h) => h.name));
  if (!names.has("search")) hooks.unshift(searchHook);
  if (!names.has("entities")) hooks.unshift({ name: "entities", run: (tx, articles) => persistEntities(tx, articles) });
  const stages = createStages();
  const server = await startServer({ store, host: "127.0.0.1", port: 0, log: () => {} });
  const queries: string[] = ["السعودية", "وزير الخارجية", "الرياض"];
  let latencies: number[] = [];
  let searches = 0;
  let errors = 0;
  let resets = 0;
  let stop = false;
  // The search client: one request at a time, back to back, for the whole run.
  const client = (async () => {
    for (let i = 0; !stop; i++) {
      const q = queries[(i * 7919) % queries.length]!;
      const t0 = performance.now();
      try {
        const r = await fetch(`${server.url}api/search?q=${encodeURIComponent(q)}&limit=10`);
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
        latencies.push(performance.now() - t0);
      } catch {
        // A kept-alive socket the server closed just as the next request went out (see docs/reliability.md).
        resets++;
      }
      searches++;
    }
  })();

  const t0 = performance.now();
  const rows: Row[] = [];
  const base = { heap: heapMb(), rss: process.memoryUsage().rss / 1048576 };
  let docs = 0;
  let chunkNo = 0;
  for await (const lines of chunks(DOCS, CHUNK)) {
    const file = join(dir, `chunk-${chunkNo++}.jsonl`);
    writeFileSync(file, lines.join("\n") + "\n");
    const tc = performance.now();
    const report = await ingest(store, { paths: [file], stages, hooks, batchSize: 50 });
    rmSync(file);
    docs += report.documents;
    queries.push(...queryWords(lines));
    const window = latencies;
    latencies = [];
    rows.push({
      docs,
      seconds: (performance.now() - t0) / 1000,
      rate: report.documents / ((performance.now() - tc) / 1000),
      searches: window.length,
      p50: pct(window, 50),
      p95: pct(window, 95),
      heap: heapMb(),
      rss: process.memoryUsage().rss / 1048576,
    });
    const r = rows[rows.length - 1]!;
    process.stderr.write(`soak: ${r.docs} documents, ${r.seconds.toFixed(0)} s, heap ${r.heap.toFixed(0)} MB\n`);
    if (r.seconds > SECONDS) break;
  }
  stop = true;
  await client;
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  print(rows, base, { searches, errors, resets });
}

function print(
  rows: readonly Row[],
  base: { heap: number; rss: number },
  s: { searches: number; errors: number; resets: number },
): void {
  const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : "-");
  console.log(
    `\nrasd soak: ingest + search together; ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  );
  console.log(
    `limits: ${DOCS} documents or ${SECONDS} s; chunks of ${CHUNK}; start: heap ${f(base.heap)} MB, RSS ${f(base.rss)} MB\n`,
  );
  console.log(
    "| documents | elapsed s | ingest docs/s | searches | search p50 ms | search p95 ms | heap after GC MB | RSS MB |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows)
    console.log(
      `| ${r.docs} | ${f(r.seconds)} | ${f(r.rate, 1)} | ${r.searches} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.heap)} | ${f(r.rss)} |`,
    );
  const half = Math.floor(rows.length / 2);
  const slope = (a: Row | undefined, b: Row | undefined) =>
    a && b && b.docs > a.docs ? ((b.heap - a.heap) / (b.docs - a.docs)) * 1000 : NaN;
  const first = slope(rows[0], rows[half]);
  const second = slope(rows[half], rows[rows.length - 1]);
  console.log(
    `\n${s.searches} searches, ${s.errors} error answers, ${s.resets} connections reset. Heap growth per 1,000 documents: first half ${f(first, 1)} MB, second half ${f(second, 1)} MB.`,
  );
}

await main();
