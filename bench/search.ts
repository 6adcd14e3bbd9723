/**
 * Search latency over both real streams stored in the embedded store (PGlite): 62,555 articles from
 * ../shared/corpus/streams. Builds the store once (articles + search index, in batches, as ingest does) in
 * `--store DIR` (default artifacts/bench-search-store) and reuses it; then times queries: titles of stored articles
 * (their first words) and short topical queries. Reports p50 / p95 / max.
 *
 * After a build (or with `--optimize` on an existing store) every term's posting blocks are merged into one and
 * the planner's statistics refreshed (optimizeSearchIndex), as an operator would after a bulk load.
 *
 * Titles that hold quotation marks are phrase queries (search/phrase.ts): reported apart ("phrase"), beside the
 * queries without quotes, since verifying a phrase reads its candidates' text.
 *
 * `--cold` runs every query through a fresh store handle, so the decoded-postings cache (search/cache.ts) never
 * hits: the cost of a one-query process such as `rasd search`, once the store is open.
 *
 *   npx tsx bench/search.ts [--store DIR] [--queries N] [--rebuild] [--optimize] [--cold]
 */
import { createReadStream, existsSync, rmSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { createInterface } from "node:readline";
import { cpus } from "node:os";
import { corpusPath, projectRoot } from "../src/core/paths.js";
import { emptyArticle } from "../src/core/stage.js";
import type { Article } from "../src/core/types.js";
import { Store } from "../src/store/store.js";
import type { Sql } from "../src/store/sql.js";
import { insertArticles, countArticles, type ArticleRow } from "../src/store/articles.js";
import { indexArticles, optimizeSearchIndex, search } from "../src/search/index.js";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface StreamRecord {
  outlet?: string;
  url?: string;
  title?: string;
  content?: string;
  text?: string;
  date_extracted?: string;
  time?: string;
  docno?: string;
}

async function* records(file: string): AsyncGenerator<{ rec: StreamRecord; n: number }> {
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", file)).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim().length > 0) yield { rec: JSON.parse(line) as StreamRecord, n };
  }
}

function toRow(file: string, rec: StreamRecord, n: number): ArticleRow {
  const a: Article = emptyArticle({ path: `streams/${file}`, record: n });
  a.id = `${file}#${n}`;
  a.lang = "ar";
  a.title = rec.title ?? "";
  a.text = `${a.title}\n${rec.content ?? rec.text ?? ""}`;
  const date = rec.date_extracted?.slice(0, 10) ?? (rec.time ? new Date(rec.time).toISOString().slice(0, 10) : null);
  a.published = { date, precision: date ? "day" : null, candidates: [], evidence: "stream record" };
  return { article: a, sourceKey: a.id, contentHash: a.id, url: rec.url ?? null, outlet: rec.outlet ?? null };
}

async function build(store: Store): Promise<void> {
  const t0 = Date.now();
  let total = 0;
  for (const file of ["saudinewsnet.jsonl.gz", "ant-multisource.jsonl.gz"]) {
    let batch: ArticleRow[] = [];
    const flush = async (): Promise<void> => {
      const rows = batch;
      batch = [];
      await store.db.transaction(async (tx) => {
        await insertArticles(tx, rows);
        await indexArticles(
          tx,
          rows.map((r) => r.article),
        );
      });
      total += rows.length;
      process.stderr.write(`\rbuilt ${total} articles, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    };
    for await (const { rec, n } of records(file)) {
      batch.push(toRow(file, rec, n));
      if (batch.length >= 2000) await flush();
    }
    if (batch.length > 0) await flush();
  }
  process.stderr.write(`\nindex built in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}

async function queries(count: number): Promise<string[]> {
  const out = [
    "الولايات المتحدة",
    "وزير الخارجية",
    "داعش",
    "أسعار النفط",
    "كأس العالم",
    "الأمم المتحدة سوريا",
    "ترامب",
    "الرياض",
  ];
  let i = 0;
  for await (const { rec } of records("ant-multisource.jsonl.gz")) {
    if (out.length >= count) break;
    if (i++ % 97 === 0 && rec.title) out.push(rec.title.split(/\s+/u).slice(0, 6).join(" "));
  }
  return out;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  const dir = option("store") ?? `${projectRoot()}/artifacts/bench-search-store`;
  if (process.argv.includes("--rebuild") && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  const store = await Store.open({ dir });
  try {
    const fresh = (await countArticles(store.db)) === 0;
    if (fresh) await build(store);
    if (fresh || process.argv.includes("--optimize")) {
      const t0 = Date.now();
      const merged = await optimizeSearchIndex(store.db, (d, t) =>
        process.stderr.write(`\roptimizing: ${d}/${t} terms`),
      );
      process.stderr.write(`\noptimized ${merged} terms in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    }
    const [blocks] = await store.db.query<{ rows: number; terms: number }>(
      "SELECT count(*)::int AS rows, count(DISTINCT term)::int AS terms FROM search_postings",
    );
    const n = await countArticles(store.db);
    const qs = await queries(Number(option("queries") ?? 200));
    for (const q of qs.slice(0, 10)) await search(store.db, q); // warm-up
    const cold = process.argv.includes("--cold");
    // A new object per query: the postings cache is kept per handle, so a fresh one starts empty.
    const db = (): Sql =>
      cold
        ? {
            query: (t, p) => store.db.query(t, p),
            exec: (t) => store.db.exec(t),
            transaction: (f) => store.db.transaction(f),
          }
        : store.db;
    const times: number[] = [];
    const filtered: number[] = [];
    for (const q of qs) {
      let t = process.hrtime.bigint();
      await search(db(), q, { limit: 20 });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      await search(db(), q, { limit: 20, since: "2018-03-01", until: "2018-06-30" });
      filtered.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    console.log(
      `search latency: ${n} articles in the embedded store (PGlite), ${qs.length} queries, limit 20${cold ? ", postings cache off (--cold)" : ""}`,
    );
    console.log(`postings: ${blocks?.rows} blocks for ${blocks?.terms} terms`);
    console.log(`machine: ${cpus()[0]?.model ?? "?"} (${cpus().length} cores), Node ${process.version}\n`);
    // A title holding quotation marks is a phrase query since phrases landed: its candidates are read and checked,
    // so it is reported apart from ranked retrieval.
    const quoted = qs.map((q) => /["«»“”]/u.test(q));
    const pick = (xs: number[], want: boolean) => xs.filter((_, i) => quoted[i] === want);
    console.log("| queries              | p50 ms | p95 ms | max ms |");
    console.log("|----------------------|-------:|-------:|-------:|");
    for (const [name, xs] of [
      ["plain", times],
      ["with date filter", filtered],
      [`no quotes (${pick(times, false).length})`, pick(times, false)],
      [`phrase (${pick(times, true).length})`, pick(times, true)],
    ] as const) {
      if (xs.length === 0) continue;
      console.log(
        `| ${name.padEnd(20)} | ${pct(xs, 50).toFixed(1).padStart(6)} | ${pct(xs, 95).toFixed(1).padStart(6)} | ${Math.max(
          ...xs,
        )
          .toFixed(1)
          .padStart(6)} |`,
      );
    }
  } finally {
    await store.close();
  }
}

await main();
