import type { Sql } from "../store/sql.js";
import { RasdError } from "../core/errors.js";
import { analyzeTerms } from "../analysis/ar/analyze.js";
import { idf } from "./bm25.js";
import { entityPostings, type EntityPostings } from "./entities.js";
import { dayNumber } from "./indexer.js";
import { makeSnippet } from "./snippet.js";
import { termPostings, type TermPostings } from "./cache.js";
import type { Snippet } from "./snippet.js";

export interface SearchOptions {
  /** How many hits, default 20 (1–1000). */
  limit?: number;
  /** Only articles published on or after this date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
  since?: string | undefined;
  /** Only articles published on or before this date. */
  until?: string | undefined;
  /** Only articles of this outlet (exact name). */
  outlet?: string | undefined;
}

export interface SearchHit {
  id: string;
  title: string;
  score: number;
  published: string | null;
  outlet: string | null;
  snippet: Snippet;
}

export interface SearchResult {
  query: string;
  /** The analysed query terms (what was looked up). */
  terms: string[];
  /** How many articles matched any term (before the limit). */
  total: number;
  hits: SearchHit[];
}

/**
 * Ranked search: the query goes through the same analysis as the index; each query term's posting blocks are read
 * (one index range per term; hot terms come decoded from a bounded cache, cache.ts) and BM25 is summed here, terms in sorted order, ties broken by doc number, so PGlite
 * and PostgreSQL give the same hits in the same order with the same scores.
 */
export async function search(sql: Sql, query: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const limit = checkLimit(opts.limit ?? 20);
  const range = dateRange(opts); // options are checked before anything else, whatever the query
  const terms = [...new Set(analyzeTerms(query))].sort();
  const empty: SearchResult = { query, terms, total: 0, hits: [] };
  if (terms.length === 0) return empty;
  const [stats] = await sql.query<{ docs: string | number; total_len: string | number }>(
    "SELECT docs, total_len FROM search_stats WHERE id = 1",
  );
  const n = Number(stats?.docs ?? 0);
  if (n === 0) return empty;
  const avg = Number(stats?.total_len ?? 0) / n;
  const postings = await termPostings(sql, terms, `${stats?.docs}/${stats?.total_len}`);
  const allowed = await outletDocs(sql, opts.outlet);
  const redated = range.since !== 0 || range.until !== 0 ? await redatedDays(sql) : null;
  const scored = score(postings, n, avg, range, allowed, redated);
  addEntityScores(scored, await entityPostings(sql, query), n, range, allowed);
  const hits = await loadHits(sql, topK(scored, limit), new Set(terms));
  return { query, terms, total: scored.docs.length, hits };
}

const K1 = 1.2;
const B = 0.75;

interface Scored {
  docs: number[];
  scores: Float64Array;
}

/**
 * The days of the articles their story dated after they were indexed (published.source "story"; the clustering
 * stores them, cluster/dates.ts): a posting keeps the day the article had when it was indexed, and the date filters
 * use the article's one stored date. Few articles; read through a partial index (migration 12).
 */
async function redatedDays(sql: Sql): Promise<Map<number, number>> {
  const rows = await sql.query<{ doc: number; published: string | null }>(
    "SELECT ingested_seq::int AS doc, published FROM articles WHERE published_source = 'story'",
  );
  return new Map(rows.map((r) => [Number(r.doc), dayNumber(r.published)]));
}

/** BM25 summed per doc, terms in sorted order: w · tf·(k1+1) / (tf + k1·(1−b) + k1·b·len/avg). */
function score(
  postings: readonly TermPostings[],
  n: number,
  avg: number,
  range: { since: number; until: number },
  allowed: Set<number> | null,
  redated: ReadonlyMap<number, number> | null,
): Scored {
  let scores: Float64Array = new Float64Array(1024);
  const docs: number[] = [];
  const c1 = K1 * (1 - B);
  const c2 = (K1 * B) / avg;
  for (const { df, ints: p } of postings) {
    const w = idf(n, df);
    for (let i = 0; i + 3 < p.length; i += 4) {
      const doc = p[i]!;
      const day = redated === null ? p[i + 3]! : (redated.get(doc) ?? p[i + 3]!);
      if (range.since !== 0 && day < range.since) continue;
      if (range.until !== 0 && (day > range.until || day === 0)) continue;
      if (allowed !== null && !allowed.has(doc)) continue;
      if (doc >= scores.length) scores = grow(scores, doc);
      const tf = p[i + 1]!;
      if (scores[doc] === 0) docs.push(doc);
      scores[doc]! += (w * tf * (K1 + 1)) / (tf + c1 + c2 * p[i + 2]!);
    }
  }
  return { docs, scores };
}

/**
 * Adds the entities the query names as terms: idf of the entity over the articles, and its mention count as a
 * saturating tf (BM25 without length normalisation: mentions are already sparse). A page that names the entity only
 * under another name is found; a page that uses the query's own words as well ranks above it.
 */
function addEntityScores(
  s: Scored,
  entities: readonly EntityPostings[],
  n: number,
  range: { since: number; until: number },
  allowed: Set<number> | null,
): void {
  for (const e of entities) {
    const w = idf(n, e.df);
    for (const { doc, mentions, day } of e.docs) {
      if (range.since !== 0 && day < range.since) continue;
      if (range.until !== 0 && (day > range.until || day === 0)) continue;
      if (allowed !== null && !allowed.has(doc)) continue;
      if (doc >= s.scores.length) s.scores = grow(s.scores, doc);
      if (s.scores[doc] === 0) s.docs.push(doc);
      s.scores[doc]! += (w * mentions * (K1 + 1)) / (mentions + K1);
    }
  }
}

function grow(a: Float64Array, doc: number): Float64Array {
  const b = new Float64Array(Math.max(doc + 1, a.length * 2));
  b.set(a);
  return b;
}

/** `a` ranks before `b`: score descending, then doc ascending. */
function before(s: Float64Array, a: number, b: number): boolean {
  const d = s[a]! - s[b]!;
  return d > 0 || (d === 0 && a < b);
}

/**
 * The k best docs, score descending, then doc ascending: one pass keeping the best k in order (a full sort of every
 * matching doc was the largest cost of a query once postings were compact; most docs fail the first comparison).
 */
function topK(s: Scored, k: number): Array<{ doc: number; score: number }> {
  const best: number[] = [];
  for (const doc of s.docs) {
    if (best.length === k && !before(s.scores, doc, best[k - 1]!)) continue;
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && before(s.scores, doc, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = doc;
  }
  return best.map((doc) => ({ doc, score: Math.round(s.scores[doc]! * 1e9) / 1e9 }));
}

async function outletDocs(sql: Sql, outlet: string | undefined): Promise<Set<number> | null> {
  if (outlet === undefined) return null;
  const rows = await sql.query<{ doc: number }>("SELECT ingested_seq::int AS doc FROM articles WHERE outlet = $1", [
    outlet,
  ]);
  return new Set(rows.map((r) => Number(r.doc)));
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new RasdError("USAGE", `search: --limit must be a whole number from 1 to 1000 (got ${limit})`);
  }
  return limit;
}

/** The date filter as YYYYMMDD bounds (0 = open). `until 2015-07` covers the whole month, `until 2015` the year. */
function dateRange(opts: SearchOptions): { since: number; until: number } {
  const since = opts.since === undefined ? 0 : checkDate(opts.since, "since");
  const until = opts.until === undefined ? 0 : checkDate(opts.until, "until");
  const untilMax = until === 0 ? 0 : until % 100 !== 0 ? until : until % 10000 !== 0 ? until + 99 : until + 9999;
  return { since, until: untilMax };
}

function checkDate(s: string, name: string): number {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/u.test(s)) {
    throw new RasdError("USAGE", `search: --${name} must be a date like 2015-07-23, 2015-07 or 2015 (got "${s}")`, {
      input: s,
    });
  }
  return dayNumber(s);
}

async function loadHits(
  sql: Sql,
  top: ReadonlyArray<{ doc: number; score: number }>,
  terms: ReadonlySet<string>,
): Promise<SearchHit[]> {
  if (top.length === 0) return [];
  const rows = await sql.query<{
    doc: number;
    id: string;
    title: string;
    published: string | null;
    outlet: string | null;
    text: string | null;
  }>(
    `SELECT ingested_seq::int AS doc, id, title, published, outlet, doc->>'text' AS text
       FROM articles WHERE ingested_seq = ANY($1::bigint[])`,
    [top.map((t) => t.doc)],
  );
  const byDoc = new Map(rows.map((r) => [Number(r.doc), r]));
  const hits: SearchHit[] = [];
  for (const t of top) {
    const r = byDoc.get(t.doc);
    if (r === undefined) continue;
    hits.push({
      id: r.id,
      title: r.title,
      score: t.score,
      published: r.published,
      outlet: r.outlet,
      snippet: makeSnippet(r.text ?? "", terms),
    });
  }
  return hits;
}
