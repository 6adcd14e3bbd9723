/**
 * HTTP load on loopback: requests/s and latency (p50 / p95 / max) of `/api/search` and of a story page, with the
 * five seeds and one real stream ingested through the full pipeline (extract, annotate, cluster, search index,
 * entity registry), under 50 concurrent clients (autocannon). Any error, timeout or non-2xx answer is reported and
 * fails the run.
 *
 * The store is built once in `--store DIR` (default artifacts/bench-server-store) and reused; `--limit N` ingests
 * only the stream's first N records (the full stream takes long on a small machine).
 *
 *   npx tsx bench/server.ts [--store DIR] [--stream saudinewsnet.jsonl.gz] [--limit N] [--rebuild]
 *                           [--duration S] [--connections C]
 */
import { createReadStream, createWriteStream, existsSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { persistEntities } from "../src/annotate/entities/persist.js";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath, projectRoot } from "../src/core/paths.js";
import { defaultHooks } from "../src/assemble/hooks.js";
import type { IngestHook } from "../src/store/hooks.js";
import { ingest } from "../src/pipeline/ingest.js";
import { createStages } from "../src/assemble/stages.js";
import { searchHook } from "../src/search/index.js";
import { startServer } from "../src/server/serve.js";
import { countArticles } from "../src/store/articles.js";
import { Store } from "../src/store/store.js";

interface Result {
  requests: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
interface Instance extends Promise<Result> {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (opts: Record<string, unknown>) => Instance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

function option(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? def) : def;
}

async function hooks(store: Store): Promise<IngestHook[]> {
  const list = await defaultHooks(store);
  const names = new Set(list.map((h) => h.name));
  if (!names.has("search")) list.unshift(searchHook);
  if (!names.has("entities")) list.unshift({ name: "entities", run: (tx, a) => persistEntities(tx, a) });
  return list;
}

/** The stream's first `limit` records as a plain JSON Lines file in a temporary folder (outside the project). */
async function head(stream: string, limit: number, dir: string): Promise<string> {
  const out = join(dir, stream.replace(/\.gz$/u, ""));
  const w = createWriteStream(out);
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", stream)).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let n = 0;
  for await (const line of rl) {
    if (n++ >= limit) break;
    w.write(line + "\n");
  }
  rl.close();
  await new Promise<void>((done) => w.end(done));
  return out;
}

async function build(dir: string, stream: string, limit: number): Promise<void> {
  await loadHasher();
  const store = await Store.open({ dir });
  const tmp = await mkdtemp(join(tmpdir(), "rasd-bench-server-"));
  try {
    const input = Number.isFinite(limit) ? await head(stream, limit, tmp) : corpusPath("streams", stream);
    const t0 = performance.now();
    const r = await ingest(store, {
      paths: [corpusPath("seeds"), input],
      stages: createStages(),
      hooks: await hooks(store),
      batchSize: 200,
    });
    const s = (performance.now() - t0) / 1000;
    console.log(
      `built ${dir}: ${r.stored} articles stored, ${r.failed} failed, in ${s.toFixed(0)} s (${(r.stored / s).toFixed(0)} articles/s)`,
    );
  } finally {
    await store.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function load(url: string, name: string, paths: readonly string[], duration: number, connections: number) {
  let i = 0;
  const latencies: number[] = [];
  const inst = autocannon({
    url,
    connections,
    duration,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  inst.on("response", (_c, _s, _b, ms) => latencies.push(ms));
  const r = await inst;
  latencies.sort((a, b) => a - b);
  return {
    name,
    rps: r.requests.average,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    max: latencies[latencies.length - 1] ?? NaN,
    n: latencies.length,
    bad: r.errors + r.timeouts + r.non2xx,
  };
}

async function main(): Promise<void> {
  const dir = option("store", join(projectRoot(), "artifacts", "bench-server-store"));
  const stream = option("stream", "saudinewsnet.jsonl.gz");
  const limit = Number(option("limit", "Infinity"));
  const duration = Number(option("duration", "10"));
  const connections = Number(option("connections", "50"));
  if (process.argv.includes("--rebuild") && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(dir)) await build(dir, stream, limit);
  const store = await Store.open({ dir });
  let logged = 0;
  const log = (m: string) => {
    if (++logged <= 5) console.error(m);
    else if (logged === 6) console.error("(further server errors not shown)");
  };
  const server = await startServer({ store, host: "127.0.0.1", port: 0, log });
  try {
    const n = await countArticles(store.db);
    const [story] = await store.db.query<{ id: string; n: number }>(
      "SELECT id, article_count AS n FROM stories ORDER BY article_count DESC, id LIMIT 1",
    );
    const titles = await store.db.query<{ title: string }>(
      "SELECT title FROM articles WHERE title <> '' ORDER BY ingested_seq DESC LIMIT 50",
    );
    // Queries: the first two words of stored titles (realistic, varied) and a few topical ones.
    const queries = [
      ...titles.map((t) => t.title.split(/\s+/u).slice(0, 2).join(" ")),
      "وزير الخارجية",
      "مجلس الوزراء",
      "الأمطار",
      "كرة القدم",
    ];
    const searchPaths = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=20`);
    const t0 = performance.now();
    const first = await fetch(new URL(`/stories/${story?.id ?? "none"}`, server.url));
    const cold = performance.now() - t0;
    await first.arrayBuffer();
    console.log(
      `store: ${n} articles; biggest story ${story?.id} (${story?.n} articles), first (uncached) story page ${cold.toFixed(0)} ms`,
    );
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}; ${connections} connections, ${duration} s each, loopback`,
    );
    const rows = [
      await load(server.url, "GET /api/search", searchPaths, duration, connections),
      await load(server.url, "GET /stories/:id (page)", [`/stories/${story?.id ?? "none"}`], duration, connections),
      await load(server.url, "GET /api/stories/:id", [`/api/stories/${story?.id ?? "none"}`], duration, connections),
      await load(server.url, "GET / (river)", ["/"], duration, connections),
    ];
    console.log(
      "\n| endpoint | req/s | p50 ms | p95 ms | max ms | requests | errors |\n|---|---:|---:|---:|---:|---:|---:|",
    );
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} | ${r.n} | ${r.bad} |`,
      );
    if (rows.some((r) => r.bad > 0)) process.exitCode = 1;
  } finally {
    await server.close();
    await store.close();
  }
}

await main();
