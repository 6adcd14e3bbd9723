/**
 * Dedup + clustering at scale over both news streams (62,555 articles), in arrival-time order.
 *
 *   npx tsx bench/cluster-scale.ts [--limit N] [--store]
 *   RULES='{"sameOutletHeadline":0}' npx tsx bench/cluster-scale.ts --limit 20000   (a rule off: bench/cluster-config.ts)
 *   node --expose-gc --import tsx bench/cluster-scale.ts     (also prints the live heap at the end)
 *
 * Articles are first read and extracted (extract stage only: the entity stage runs at ~20 articles/s today and is not
 * what this measures; not timed; cached under $TMPDIR, with a copy in arrival order), then streamed a batch of 1,000
 * at a time: each batch is analysed (tokenise, stem: `analyseArticle`, timed apart, as the analysis stage runs before
 * the cluster hook) and then placed one by one by the online clusterer (timed: dedup + stories + topics). The table
 * gives throughput, wall and CPU cost per article per window, so growth with the number of stories shows; the
 * process holds one batch of articles, so the memory figures are the clusterer's. `--limit N` takes the first N in
 * arrival order. `--store` also runs the ingest hook on an in-memory PGlite store (what `rasd ingest` pays: the same
 * placements plus their SQL, batch by batch, analysis included).
 */
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Clusterer } from "../src/cluster/engine.js";
import { analyseArticle, type AnalysedArticle } from "../src/cluster/features.js";
import { createClusterHook } from "../src/cluster/hook.js";
import { loadHasher } from "../src/core/hash.js";
import type { Article } from "../src/core/types.js";
import { insertArticles } from "../src/store/articles.js";
import { Store } from "../src/store/store.js";
import { contentHash } from "../src/pipeline/identity.js";
import { extractStage } from "../src/extract/index.js";
import { configFromEnv } from "./cluster-config.js";
import { streamArticles } from "./cluster-load.js";

const CACHE = join(tmpdir(), "rasd-cluster-bench-articles.jsonl");
/** The same articles in arrival order (by publication time, undated first, as a live stream would deliver them). */
const SORTED = join(tmpdir(), "rasd-cluster-bench-sorted.jsonl");
/** Articles read, analysed and then placed per batch (the pipeline's analysis runs per batch before the hook). */
const BATCH = 1000;

async function writeCaches(): Promise<void> {
  if (!existsSync(CACHE)) {
    const out = createWriteStream(CACHE + ".part");
    for (const name of ["saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz"]) {
      for await (const a of streamArticles(name, Infinity, [extractStage])) out.write(JSON.stringify(a) + "\n");
    }
    await new Promise((r) => out.end(r));
    renameSync(CACHE + ".part", CACHE);
  }
  // The extracted cache is rewritten when extraction changes (delete it to refresh): the sorted copy follows it.
  if (existsSync(SORTED) && statSync(SORTED).mtimeMs >= statSync(CACHE).mtimeMs) return;
  const keyed: { date: string; line: string }[] = [];
  for await (const line of createInterface({ input: createReadStream(CACHE) })) {
    keyed.push({ date: (JSON.parse(line) as Article).published.date ?? "", line });
  }
  keyed.sort((a, b) => a.date.localeCompare(b.date));
  const out = createWriteStream(SORTED + ".part");
  for (const k of keyed) out.write(k.line + "\n");
  await new Promise((r) => out.end(r));
  renameSync(SORTED + ".part", SORTED);
}

/**
 * The articles in arrival order, a batch at a time, streamed from the sorted cache: the process holds one batch of
 * articles, never the corpus, so the memory measured is the clustering's (as in the pipeline, which stores each batch
 * and lets it go).
 */
async function* batches(limit: number): AsyncGenerator<Article[]> {
  let batch: Article[] = [];
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(SORTED) })) {
    if (n++ >= limit) break;
    batch.push(JSON.parse(line) as Article);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

interface Window {
  n: number;
  wall: number;
  cpu: number;
  /** `Clusterer.work` at the window's start: stories and topic pairs scored. */
  work: { storyScores: number; topicScores: number };
}

/** Prints one line of the table for the window just ended; returns a fresh window. */
function row(c: Clusterer, placed: number, copies: number, win: Window): Window {
  const m = process.memoryUsage();
  console.log(
    `${String(placed).padStart(8)}  ${`${c.stories.size} (${c.stories.liveSize})`.padStart(19)}  ` +
      `${`${c.topics.liveSize + c.topics.retired} (${c.topics.liveSize})`.padStart(18)}  ${String(copies).padStart(6)}  ` +
      `${String(Math.round((win.n / win.wall) * 1000)).padStart(20)}  ${((win.wall * 1000) / win.n).toFixed(0).padStart(25)}  ` +
      `${((win.cpu * 1000) / win.n).toFixed(0).padStart(23)}  ` +
      `${((c.work.storyScores - win.work.storyScores) / win.n).toFixed(1).padStart(13)}  ${((c.work.topicScores - win.work.topicScores) / win.n).toFixed(1).padStart(13)}  ` +
      `${String(Math.round(m.heapUsed / 2 ** 20)).padStart(7)}  ${String(Math.round(m.rss / 2 ** 20)).padStart(6)}`,
  );
  return { n: 0, wall: 0, cpu: 0, work: { ...c.work } };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limit = args.includes("--limit") ? Number(args[args.indexOf("--limit") + 1]) : Infinity;
  await loadHasher();
  await writeCaches();
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}; batches of ${BATCH}`,
  );
  console.log(
    "Timed: dedup + stories + topics (Clusterer.place). Not timed in the table: reading and parsing the cache, and the analysis",
  );
  console.log(
    "(tokenise, normalise, stem: analyseArticle), which runs per batch before placing, as the analysis stage precedes the hook.",
  );
  const c = new Clusterer(configFromEnv());
  let placed = 0;
  let copies = 0;
  let peak = 0;
  let wallMs = 0;
  let cpu = 0;
  let analysisWall = 0;
  let analysisCpu = 0;
  let win: Window = { n: 0, wall: 0, cpu: 0, work: { ...c.work } };
  // Stories: ever created (in memory now); topics: not merged away (in memory now). Retired groups left memory
  // (IDLE_PLACEMENTS in src/cluster/engine.ts); they are still what the store holds.
  // Scores per article (stories scored against it, topic pairs scored) are the work, whatever the machine's load.
  console.log(
    "articles  stories (in memory)  topics (in memory)  copies  art/s (window, wall)  µs/article (window, wall)  CPU µs/article (window)  " +
      "story scores  topic scores  heap MB  rss MB",
  );
  for await (const batch of batches(limit)) {
    const a0 = performance.now();
    const ac = process.cpuUsage();
    const analysed: AnalysedArticle[] = batch.map(analyseArticle);
    analysisCpu += cpuMs(process.cpuUsage(ac));
    analysisWall += performance.now() - a0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < batch.length; i++) {
      const p = c.place(batch[i]!, ++placed, analysed[i]);
      if (p.decision.duplicate) copies++;
    }
    const dc = cpuMs(process.cpuUsage(c0));
    const dw = performance.now() - t0;
    [wallMs, cpu] = [wallMs + dw, cpu + dc];
    win = { ...win, n: win.n + batch.length, wall: win.wall + dw, cpu: win.cpu + dc };
    peak = Math.max(peak, process.memoryUsage().rss);
    if (placed % 10_000 === 0) win = row(c, placed, copies, win);
  }
  if (win.n > 0) row(c, placed, copies, win);
  // CPU time as well as wall time: on a machine shared with other jobs the wall time says more about the load.
  console.log(
    `dedup + clustering: ${placed} articles in ${(wallMs / 1000).toFixed(1)} s = ${Math.round(placed / (wallMs / 1000))} articles/s ` +
      `(CPU ${(cpu / 1000).toFixed(1)} s = ${Math.round(placed / (cpu / 1000))} articles per CPU-second); peak rss ${Math.round(peak / 2 ** 20)} MB`,
  );
  console.log(
    `analysis (not in the figures above): ${(analysisWall / 1000).toFixed(1)} s wall, ${(analysisCpu / 1000).toFixed(1)} s CPU = ` +
      `${Math.round(placed / (analysisCpu / 1000))} articles per CPU-second; analysis + dedup + clustering ${Math.round(placed / ((analysisWall + wallMs) / 1000))} articles/s`,
  );
  // With --expose-gc: what the clustering holds once garbage is collected (the clusterer is still referenced here).
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    console.log(
      `live heap after a full collection: ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB (${c.stories.liveSize} stories, ${c.topics.liveSize} topics in memory)`,
    );
  }
  if (args.includes("--store")) await withStore(limit);
}

async function withStore(limit: number): Promise<void> {
  const store = await Store.open({ dir: "memory://" });
  const hook = await createClusterHook(store);
  const t0 = performance.now();
  let hookMs = 0;
  let total = 0;
  for await (const big of batches(limit))
    for (let i = 0; i < big.length; i += 100) {
      const batch = big.slice(i, i + 100);
      total += batch.length;
      const rows = batch.map((a) => ({
        article: a,
        sourceKey: a.source.url ?? `${a.source.path}#${a.source.record}`,
        contentHash: contentHash(a),
        url: a.source.url ?? null,
        outlet: a.publisher.name,
      }));
      await store.db.transaction(async (tx) => {
        await insertArticles(tx, rows);
        const h0 = performance.now();
        await hook.run(tx, batch, rows);
        hookMs += performance.now() - h0;
      });
    }
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `with the store (PGlite, batches of 100): hook ${Math.round(total / (hookMs / 1000))} articles/s (analysis included); ` +
      `whole insert+hook ${Math.round(total / secs)} articles/s; rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
  );
  await store.close();
}

await main();
