import type { Sql } from "../store/sql.js";
import { RasdError } from "../core/errors.js";
import { analyzeTerms } from "../analysis/ar/analyze.js";
import { idf } from "./bm25.js";
import { dayNumber } from "./indexer.js";
import { makeSnippet } from "./snippet.js";
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
 * Ranked search: the query goes through the same analysis as the index; each term's idf is computed here from its
 * document frequency; the database then sums BM25 over the unnested posting blocks of the query terms and returns
 * only the top `limit` docs. The arithmetic in SQL is + × ÷ on float8 (IEEE, the same on PGlite and PostgreSQL) and
 * ties are broken on the score rounded to 1e-9, then the doc number, so both drivers return the same hits in the
 * same order with the same scores.
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
  const dfs = await sql.query<{ term: string; df: string | number }>(
    "SELECT term, sum(n) AS df FROM search_postings WHERE term = ANY($1::text[]) GROUP BY term",
    [terms],
  );
  if (dfs.length === 0) return empty;
  const found = dfs.map((r) => r.term).sort();
  const dfOf = new Map(dfs.map((r) => [r.term, Number(r.df)]));
  const weights = found.map((t) => idf(n, dfOf.get(t)!));
  const top = await rank(sql, found, weights, avg, limit, range, opts.outlet);
  const hits = await loadHits(sql, top.hits, new Set(terms));
  return { query, terms, total: top.total, hits };
}

const K1 = 1.2;
const B = 0.75;

async function rank(
  sql: Sql,
  terms: readonly string[],
  weights: readonly number[],
  avg: number,
  limit: number,
  { since, until }: { since: number; until: number },
  outlet: string | undefined,
): Promise<{ total: number; hits: Array<{ doc: number; score: number }> }> {
  const params: unknown[] = [terms, weights, K1 + 1, K1 * (1 - B), (K1 * B) / avg, since, until, limit];
  let outletFilter = "";
  if (outlet !== undefined) {
    params.push(outlet);
    outletFilter = `AND u.doc IN (SELECT ingested_seq::int FROM articles WHERE outlet = $${params.length})`;
  }
  // score(term, doc) = w · tf·(k1+1) / (tf + k1·(1−b) + k1·b·len/avg), summed over the query terms.
  const rows = await sql.query<{ doc: number; score: number; total: string | number }>(
    `WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[]) AS q(term, w)),
     s AS (
       SELECT u.doc, sum(q.w * u.tf * $3::float8 / (u.tf + $4::float8 + $5::float8 * u.len)) AS score
         FROM q JOIN search_postings p ON p.term = q.term
         CROSS JOIN LATERAL unnest(p.docs, p.tfs, p.lens, p.days) AS u(doc, tf, len, day)
        WHERE ($6::int = 0 OR u.day >= $6::int) AND ($7::int = 0 OR (u.day <= $7::int AND u.day <> 0)) ${outletFilter}
        GROUP BY u.doc
     )
     SELECT doc, round(score::numeric, 9)::float8 AS score, count(*) OVER () AS total
       FROM s ORDER BY round(score::numeric, 9) DESC, doc LIMIT $8::int`,
    params,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    hits: rows.map((r) => ({ doc: Number(r.doc), score: Number(r.score) })),
  };
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
    throw new RasdError("USAGE", `search: --${name} must be a date like 2015-07-23, 2015-07 or 2015 (got "${s}")`, { input: s });
  }
  return dayNumber(s);
}

async function loadHits(sql: Sql, top: ReadonlyArray<{ doc: number; score: number }>, terms: ReadonlySet<string>): Promise<SearchHit[]> {
  if (top.length === 0) return [];
  const rows = await sql.query<{ doc: number; id: string; title: string; published: string | null; outlet: string | null; text: string | null }>(
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
