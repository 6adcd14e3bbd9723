import type { Sql } from "../store/sql.js";
import { RasdError } from "../core/errors.js";
import { outletKeys } from "../i18n/outlets.js";
import { analyzeTerms } from "../analysis/ar/analyze.js";
import { idf } from "./bm25.js";
import { entityPostings, type EntityPostings } from "./entities.js";
import { dayNumber } from "./indexer.js";
import { hasPhrases, parseQuery, type ParsedQuery } from "./phrase.js";
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
  /** Only articles of this outlet: its stored name, or its display name (الشرق الأوسط for aawsat). */
  outlet?: string | undefined;
}

export interface SearchHit {
  id: string;
  title: string;
  score: number;
  published: string | null;
  outlet: string | null;
  snippet: Snippet;
  /** Other matching articles that are copies of this one (or of the article it copies): shown once, here. */
  copies: string[];
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
  const parsed = parseQuery(query);
  const terms = [...new Set(analyzeTerms(parsed.text))].sort();
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
  addEntityScores(scored, await entityPostings(sql, parsed.text), n, range, allowed);
  if (parsed.phrases.length > 0) scored.docs = await withPhrases(sql, scored.docs, postings, parsed);
  const hits = await loadHits(sql, scored, limit, new Set(terms));
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

/** The docs of an outlet, named by its stored key or by its display name (الشرق الأوسط for aawsat). */
async function outletDocs(sql: Sql, outlet: string | undefined): Promise<Set<number> | null> {
  if (outlet === undefined) return null;
  const rows = await sql.query<{ doc: number }>(
    "SELECT ingested_seq::int AS doc FROM articles WHERE outlet = ANY($1::text[])",
    [outletKeys(outlet)],
  );
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
  if (!validDate(s)) {
    throw new RasdError("USAGE", `search: --${name} must be a date like 2015-07-23, 2015-07 or 2015 (got "${s}")`, {
      input: s,
      ar: `البحث: ${name === "since" ? "تاريخ البداية" : "تاريخ النهاية"} يجب أن يكون تاريخًا صحيحًا مثل 2015-07-23 أو 2015-07 أو 2015 (وصل «${s}»)`,
    });
  }
  return dayNumber(s);
}

/** How many candidates are verified against a phrase per query to the store. */
const PHRASE_CHUNK = 500;

/**
 * The docs that hold every phrase: those whose postings have all the phrase's index terms, then read and checked
 * for the words in order (phrase.ts). Order of `docs` is kept.
 */
async function withPhrases(
  sql: Sql,
  docs: readonly number[],
  postings: readonly TermPostings[],
  parsed: ParsedQuery,
): Promise<number[]> {
  const byTerm = new Map(postings.map((p) => [p.term, p.ints]));
  const holds = (term: string): Set<number> => {
    const out = new Set<number>();
    const p = byTerm.get(term);
    if (p !== undefined) for (let i = 0; i + 3 < p.length; i += 4) out.add(p[i]!);
    return out;
  };
  const sets = [...new Set(parsed.phraseIndexTerms.flat())].map(holds);
  const candidates = docs.filter((d) => sets.every((s) => s.has(d)));
  const keep = new Set<number>();
  for (let i = 0; i < candidates.length; i += PHRASE_CHUNK) {
    const rows = await sql.query<{ doc: number; text: string | null; title: string }>(
      "SELECT ingested_seq::int AS doc, doc->>'text' AS text, title FROM articles WHERE ingested_seq = ANY($1::bigint[])",
      [candidates.slice(i, i + PHRASE_CHUNK)],
    );
    for (const r of rows) if (hasPhrases(`${r.title}\n${r.text ?? ""}`, parsed.phrases)) keep.add(Number(r.doc));
  }
  return docs.filter((d) => keep.has(d));
}

/**
 * The best `limit` hits with copies folded into the first of their group: an article and the copies of it (or of
 * what it copies) are one hit. Reads a few more than `limit` so that folding copies still fills the page.
 */
async function loadHits(sql: Sql, scored: Scored, limit: number, terms: ReadonlySet<string>): Promise<SearchHit[]> {
  let want = limit;
  for (;;) {
    const top = topK(scored, Math.min(scored.docs.length, want * 2 + 10));
    const hits = await readHits(sql, top, terms);
    if (hits.length >= limit || top.length >= scored.docs.length) return hits.slice(0, limit);
    want *= 4;
  }
}

async function readHits(
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
    dup: string | null;
  }>(
    `SELECT ingested_seq::int AS doc, id, title, published, outlet, doc->>'text' AS text, duplicate_of AS dup
       FROM articles WHERE ingested_seq = ANY($1::bigint[])`,
    [top.map((t) => t.doc)],
  );
  const byDoc = new Map(rows.map((r) => [Number(r.doc), r]));
  const hits: SearchHit[] = [];
  const groupHit = new Map<string, SearchHit>();
  for (const t of top) {
    const r = byDoc.get(t.doc);
    if (r === undefined) continue;
    const group = r.dup ?? r.id;
    const first = groupHit.get(group);
    if (first !== undefined) {
      first.copies.push(r.id);
      continue;
    }
    const hit: SearchHit = {
      id: r.id,
      title: r.title,
      score: t.score,
      published: r.published,
      outlet: r.outlet,
      snippet: makeSnippet(r.text ?? "", terms),
      copies: [],
    };
    groupHit.set(group, hit);
    hits.push(hit);
  }
  return hits;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real month and day (2016-13 and 2015-02-30 are not dates). */
export function validDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(s);
  if (m === null) return false;
  const [year, month, day] = [
    Number(m[1]),
    m[2] === undefined ? 1 : Number(m[2]),
    m[3] === undefined ? 1 : Number(m[3]),
  ];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
