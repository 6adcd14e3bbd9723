import type { Article } from "../core/types.js";
import type { Sql } from "../store/sql.js";
import { memoTerms } from "../analysis/ar/memo.js";
import { encodePostings, type Posting } from "./postings.js";
import { compactTerms } from "./compact.js";

/**
 * The terms an article is indexed under (its text, or its title when it has no text). Remembered (memoTerms): the
 * ingest hook makes them before the storing transaction, and the clustering analyses the same text the same way.
 */
export function indexTerms(a: Article): readonly string[] {
  return memoTerms(a.text.length > 0 ? a.text : a.title);
}

/**
 * Writes the search postings of `articles` (already inserted in `articles`, in this same transaction): one block
 * row per distinct term of the batch (see migrations/002-search.ts). Articles already indexed are skipped, so a
 * re-run indexes nothing twice. A term's blocks are merged as they accumulate (compact.ts). Index and query share one analysis: `analyzeTerms` with the `rasd` scheme.
 */
export async function indexArticles(sql: Sql, articles: readonly Article[]): Promise<void> {
  if (articles.length === 0) return;
  const ids = articles.map((a) => a.id);
  const seqRows = await sql.query<{ id: string; doc: number }>(
    "SELECT id, ingested_seq::int AS doc FROM articles WHERE id = ANY($1::text[])",
    [ids],
  );
  const seqOf = new Map(seqRows.map((r) => [r.id, Number(r.doc)]));
  const docs: Array<{ doc: number; article: Article; terms: readonly string[] }> = [];
  const seen = new Set<string>();
  for (const a of articles) {
    const doc = seqOf.get(a.id);
    if (doc === undefined || seen.has(a.id)) continue;
    seen.add(a.id);
    docs.push({ doc, article: a, terms: indexTerms(a) });
  }
  const fresh = await claimDocs(sql, docs);
  const batch = docs.filter((d) => fresh.has(d.doc));
  if (batch.length === 0) return;
  const terms = await writePostings(sql, batch);
  await compactTerms(sql, terms);
  const totalLen = batch.reduce((n, d) => n + d.terms.length, 0);
  await sql.query("UPDATE search_stats SET docs = docs + $1, total_len = total_len + $2 WHERE id = 1", [
    batch.length,
    totalLen,
  ]);
}

/** Records the docs as indexed; returns those that were not already. */
async function claimDocs(
  sql: Sql,
  docs: ReadonlyArray<{ doc: number; article: Article; terms: readonly string[] }>,
): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  const payload = docs.map((d) => ({ doc: d.doc, article_id: d.article.id, len: d.terms.length }));
  const rows = await sql.query<{ doc: number }>(
    `INSERT INTO search_docs (doc, article_id, len)
     SELECT x.doc, x.article_id, x.len FROM jsonb_to_recordset($1::jsonb) AS x(doc integer, article_id text, len integer)
     ON CONFLICT DO NOTHING RETURNING doc`,
    [JSON.stringify(payload)],
  );
  return new Set(rows.map((r) => Number(r.doc)));
}

async function writePostings(
  sql: Sql,
  batch: ReadonlyArray<{ doc: number; article: Article; terms: readonly string[] }>,
): Promise<string[]> {
  const blocks = new Map<string, Posting[]>();
  for (const d of [...batch].sort((a, b) => a.doc - b.doc)) {
    const tf = new Map<string, number>();
    for (const t of d.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const day = dayNumber(d.article.published.date);
    for (const [term, n] of tf) {
      let b = blocks.get(term);
      if (b === undefined) blocks.set(term, (b = []));
      b.push({ doc: d.doc, tf: n, len: d.terms.length, day });
    }
  }
  // Sorted by term so both drivers insert (and number) the rows in the same order.
  const rows = [...blocks]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([term, ps]) => ({ term, n: ps.length, data: encodePostings(ps) }));
  for (let i = 0; i < rows.length; i += 20000) {
    await sql.query(
      `INSERT INTO search_postings (term, n, data)
       SELECT x.term, x.n, x.data FROM jsonb_to_recordset($1::jsonb) AS x(term text, n integer, data text)`,
      [JSON.stringify(rows.slice(i, i + 20000))],
    );
  }
  return rows.map((r) => r.term);
}

/** `2015-07-23` → 20150723; `2015-07` → 20150700; `2015` → 20150000; null or malformed → 0. */
export function dayNumber(date: string | null | undefined): number {
  if (date == null) return 0;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(date);
  if (m === null) return 0;
  return Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}
