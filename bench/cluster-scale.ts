/**
 * Dedup + clustering at scale over both news streams (62,555 articles), in arrival-time order.
 *
 *   npx tsx bench/cluster-scale.ts [--limit N] [--store]
 *
 * Articles are first read and extracted (extract stage only: the entity stage runs at ~20 articles/s today and is not
 * what this measures; not timed; cached under $TMPDIR), then placed one by
 * one by the online clusterer; the table gives throughput and cost per article per window, so growth with the
 * number of stories shows. `--store` also runs the ingest hook on an in-memory PGlite store (what `rasd ingest`
 * pays: the same placements plus their SQL, batch by batch).
 */
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Clusterer } from "../src/cluster/engine.js";
import { createClusterHook } from "../src/cluster/hook.js";
import { loadHasher } from "../src/core/hash.js";
import type { Article } from "../src/core/types.js";
import { insertArticles } from "../src/store/articles.js";
import { Store } from "../src/store/store.js";
import { contentHash } from "../src/pipeline/identity.js";
import { extractStage } from "../src/extract/index.js";
import { streamArticles } from "./cluster-load.js";

const CACHE = join(tmpdir(), "rasd-cluster-bench-articles.jsonl");

async function prepared(limit: number): Promise<Article[]> {
  if (!existsSync(CACHE)) {
    const out = createWriteStream(CACHE);
    for (const name of ["saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz"]) {
      for await (const a of streamArticles(name, Infinity, [extractStage])) out.write(JSON.stringify(a) + "\n");
    }
    await new Promise((r) => out.end(r));
  }
  const all: Article[] = [];
  for await (const line of createInterface({ input: createReadStream(CACHE) })) {
    if (all.length >= limit) break;
    all.push(JSON.parse(line) as Article);
  }
  // Arrival order: by publication time, as a live stream would deliver them.
  return all.sort((a, b) => (a.published.date ?? "").localeCompare(b.published.date ?? ""));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limit = args.includes("--limit") ? Number(args[args.indexOf("--limit") + 1]) : Infinity;
  await loadHasher();
  const articles = await prepared(limit);
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}; ${articles.length} articles`);
  const c = new Clusterer();
  const marks = [10_000, 30_000, articles.length];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let tw = t0;
  let cw = cpu0;
  let last = 0;
  let copies = 0;
  let peak = 0;
  console.log("articles  stories  topics  copies  window art/s  µs/article (window)  CPU µs/article (window)  heap MB  rss MB");
  for (let i = 0; i < articles.length; i++) {
    const p = c.place(articles[i]!, i + 1);
    if (p.decision.duplicate) copies++;
    if ((i + 1) % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if (marks.includes(i + 1) || (i + 1) % 10_000 === 0) {
      const now = performance.now();
      const n = i + 1 - last;
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      const used = process.cpuUsage(cw);
      cw = process.cpuUsage();
      console.log(
        `${String(i + 1).padStart(8)}  ${String(c.stories.size).padStart(7)}  ${String(c.topics.liveSize).padStart(6)}  ${String(copies).padStart(6)}  ` +
          `${String(Math.round((n / (now - tw)) * 1000)).padStart(12)}  ${((now - tw) * 1000 / n).toFixed(0).padStart(19)}  ` +
          `${((used.user + used.system) / n).toFixed(0).padStart(23)}  ` +
          `${String(Math.round(m.heapUsed / 2 ** 20)).padStart(7)}  ${String(Math.round(m.rss / 2 ** 20)).padStart(6)}`,
      );
      tw = now;
      last = i + 1;
    }
  }
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time as well as wall time: on a machine shared with other jobs the wall time says more about the load.
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  console.log(`in memory: ${articles.length} articles in ${secs.toFixed(1)} s = ${Math.round(articles.length / secs)} articles/s ` +
    `(CPU ${cpuSecs.toFixed(1)} s = ${Math.round(articles.length / cpuSecs)} articles per CPU-second); peak rss ${Math.round(peak / 2 ** 20)} MB`);
  if (args.includes("--store")) await withStore(articles);
}

async function withStore(articles: readonly Article[]): Promise<void> {
  const store = await Store.open({ dir: "memory://" });
  const hook = await createClusterHook(store);
  const t0 = performance.now();
  let hookMs = 0;
  for (let i = 0; i < articles.length; i += 100) {
    const batch = articles.slice(i, i + 100);
    const rows = batch.map((a) => ({ article: a, sourceKey: a.source.url ?? `${a.source.path}#${a.source.record}`, contentHash: contentHash(a), url: a.source.url ?? null, outlet: a.publisher.name }));
    await store.db.transaction(async (tx) => {
      await insertArticles(tx, rows);
      const h0 = performance.now();
      await hook.run(tx, batch, rows);
      hookMs += performance.now() - h0;
    });
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(`with the store (PGlite, batches of 100): hook ${Math.round(articles.length / (hookMs / 1000))} articles/s; ` +
    `whole insert+hook ${Math.round(articles.length / secs)} articles/s; rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
  await store.close();
}

await main();
