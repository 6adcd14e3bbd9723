import type { Sql } from "../store/sql.js";
import { RasdError } from "../core/errors.js";
import { analyzeTerms } from "../analysis/ar/analyze.js";
import { idf, termScore } from "./bm25.js";
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

interface PostingRow {
  term: string;
  docs: number[];
  tfs: number[];
  lens: number[];
  days: number[];
}

/**
 * Ranked search: the query goes through the same analysis as the index, each query term's posting blocks are read
 * (one index range per term), and BM25 is summed in TypeScript, terms in sorted order, ties broken by doc number,
 * so PGlite and PostgreSQL give the same hits in the same order with the same scores.
 */
export async function search(sql: Sql, query: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const limit = checkLimit(opts.limit ?? 20);
  const terms = [...new Set(analyzeTerms(query))].sort();
  const empty: SearchResult = { query, terms, total: 0, hits: [] };
  if (terms.length === 0) return empty;
  const [stats] = await sql.query<{ docs: string | number; total_len: string | number }>(
    "SELECT docs, total_len FROM search_stats WHERE id = 1",
  );
  const n = Number(stats?.docs ?? 0);
  if (n === 0) return empty;
  const avg = Number(stats?.total_len ?? 0) / n;
  const rows = await sql.query<PostingRow>(
    "SELECT term, docs, tfs, lens, days FROM search_postings WHERE term = ANY($1::text[]) ORDER BY term, id",
    [terms],
  );
  const allowed = await outletDocs(sql, opts.outlet);
  const scores = score(rows, terms, n, avg, dateFilter(opts), allowed);
  const top = topK(scores, limit);
  const hits = await loadHits(sql, top, new Set(terms));
  return { query, terms, total: scores.size, hits };
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new RasdError("USAGE", `search: --limit must be a whole number from 1 to 1000 (got ${limit})`);
  }
  return limit;
}

function dateFilter(opts: SearchOptions): (day: number) => boolean {
  const since = opts.since === undefined ? 0 : checkDate(opts.since, "since");
  const until = opts.until === undefined ? 0 : checkDate(opts.until, "until");
  if (since === 0 && until === 0) return () => true;
  // `until 2015-07` covers the whole month: compare against its last possible day.
  const untilMax = until === 0 ? Infinity : until % 100 !== 0 ? until : until % 10000 !== 0 ? until + 99 : until + 9999;
  return (day) => day !== 0 && day >= since && day <= untilMax;
}

function checkDate(s: string, name: string): number {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/u.test(s)) {
    throw new RasdError("USAGE", `search: --${name} must be a date like 2015-07-23, 2015-07 or 2015 (got "${s}")`, { input: s });
  }
  return dayNumber(s);
}

async function outletDocs(sql: Sql, outlet: string | undefined): Promise<Set<number> | null> {
  if (outlet === undefined) return null;
  const rows = await sql.query<{ doc: number }>("SELECT ingested_seq::int AS doc FROM articles WHERE outlet = $1", [outlet]);
  return new Set(rows.map((r) => Number(r.doc)));
}

function score(
  rows: readonly PostingRow[],
  terms: readonly string[],
  n: number,
  avg: number,
  keepDay: (day: number) => boolean,
  allowed: Set<number> | null,
): Map<number, number> {
  const byTerm = new Map<string, PostingRow[]>();
  for (const r of rows) byTerm.set(r.term, [...(byTerm.get(r.term) ?? []), r]);
  const scores = new Map<number, number>();
  for (const term of terms) {
    const blocks = byTerm.get(term) ?? [];
    const df = blocks.reduce((s, b) => s + b.docs.length, 0);
    if (df === 0) continue;
    const w = idf(n, df);
    for (const b of blocks) {
      for (let i = 0; i < b.docs.length; i++) {
        const doc = Number(b.docs[i]);
        if (!keepDay(Number(b.days[i])) || (allowed !== null && !allowed.has(doc))) continue;
        scores.set(doc, (scores.get(doc) ?? 0) + termScore(Number(b.tfs[i]), Number(b.lens[i]), avg, w));
      }
    }
  }
  return scores;
}

function topK(scores: Map<number, number>, k: number): Array<{ doc: number; score: number }> {
  const all: Array<{ doc: number; score: number }> = [];
  for (const [doc, s] of scores) all.push({ doc, score: s });
  all.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return all.slice(0, k);
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
      score: Math.round(t.score * 1e6) / 1e6,
      published: r.published,
      outlet: r.outlet,
      snippet: makeSnippet(r.text ?? "", terms),
    });
  }
  return hits;
}
