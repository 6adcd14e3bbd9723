import type { Driver, Sql } from "../store/sql.js";
import { decodePostings, encodePostings, postingsOf, type Posting } from "./postings.js";

/**
 * Merging a term's posting blocks. Ingest writes one block per (term, batch), so a common term gathers hundreds of
 * small rows and a query reads them all; merged, it reads one. Merging never changes a result: a term's df is the
 * sum of its blocks' `n`, each doc appears once per term, and scores are summed per doc in term order whatever the
 * block order.
 *
 * Two ways in: `compactTerms` runs in the ingest transaction with a size-tiered policy (blocks of about the same
 * size merge by fours, like an LSM tree's segments), so every posting is rewritten O(log n) times however long
 * ingest runs; `optimizeSearchIndex` merges every term into one block and refreshes the planner's statistics, for
 * after a bulk load.
 */

/** A term is looked at once it has this many blocks. */
const CHECK_AT = 8;
/** Blocks of one size tier (floor(log4 n)) merge once there are this many. */
const FANOUT = 4;

interface Block {
  id: string;
  term: string;
  n: number;
}

/** Tiered merging of the blocks of `terms` (the terms an ingest batch just wrote). */
export async function compactTerms(sql: Sql, terms: readonly string[]): Promise<void> {
  if (terms.length === 0) return;
  const crowded = await sql.query<{ term: string }>(
    `SELECT term FROM search_postings WHERE term = ANY($1::text[]) GROUP BY term HAVING count(*) >= ${CHECK_AT}`,
    [terms],
  );
  if (crowded.length === 0) return;
  const blocks = await sql.query<Block>(
    "SELECT id::text AS id, term, n FROM search_postings WHERE term = ANY($1::text[]) ORDER BY term, id",
    [crowded.map((r) => r.term)],
  );
  const groups: string[][] = [];
  for (const bs of byTerm(blocks).values()) groups.push(...tieredMerges(bs));
  for (let i = 0; i < groups.length; i += 500) await mergeBlocks(sql, groups.slice(i, i + 500));
}

/** The groups of block ids to merge: the blocks of each tier holding FANOUT or more (a merged block moves up a
 * tier and merges there in a later batch). */
export function tieredMerges(blocks: readonly Block[]): string[][] {
  const tiers = new Map<number, string[]>();
  for (const b of blocks) {
    const t = tierOf(b.n);
    let l = tiers.get(t);
    if (l === undefined) tiers.set(t, (l = []));
    l.push(b.id);
  }
  return [...tiers.values()].filter((ids) => ids.length >= FANOUT);
}

function tierOf(n: number): number {
  return Math.floor(Math.log(Math.max(1, n)) / Math.log(FANOUT));
}

function byTerm<T extends { term: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    let l = m.get(r.term);
    if (l === undefined) m.set(r.term, (l = []));
    l.push(r);
  }
  return m;
}

/**
 * Replaces each group of blocks (all of one term) by one block holding their postings in doc order. Only the
 * blocks this transaction itself deleted are rewritten: when two ingests on PostgreSQL merge the same term at once,
 * the second's DELETE finds the first's blocks gone and must not insert their postings a second time.
 */
async function mergeBlocks(sql: Sql, groups: readonly string[][]): Promise<void> {
  const ids = groups.flat();
  if (ids.length === 0) return;
  const rows = await sql.query<{ id: string; term: string; data: string }>(
    "SELECT id::text AS id, term, data FROM search_postings WHERE id = ANY($1::bigint[])",
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const deleted = new Set(
    (
      await sql.query<{ id: string }>(
        "DELETE FROM search_postings WHERE id = ANY($1::bigint[]) RETURNING id::text AS id",
        [ids],
      )
    ).map((r) => r.id),
  );
  const merged: Array<{ term: string; n: number; data: string }> = [];
  for (const g of groups) {
    const parts = g
      .filter((id) => deleted.has(id))
      .map((id) => byId.get(id))
      .filter((r) => r !== undefined);
    if (parts.length === 0) continue;
    const postings: Posting[] = parts.flatMap((r) => postingsOf(decodePostings(r.data)));
    postings.sort((a, b) => a.doc - b.doc);
    merged.push({ term: parts[0]!.term, n: postings.length, data: encodePostings(postings) });
  }
  if (merged.length === 0) return;
  await sql.query(
    `INSERT INTO search_postings (term, n, data)
     SELECT x.term, x.n, x.data FROM jsonb_to_recordset($1::jsonb) AS x(term text, n integer, data text)`,
    [JSON.stringify(merged)],
  );
}

/**
 * Merges every term's blocks into one (in transactions of a few thousand terms, so it can be stopped and resumed),
 * then VACUUM ANALYZE: without statistics PGlite's planner may scan the table instead of the term index, and the
 * vacuum sets the hint bits that reads would otherwise write back page by page. Returns how many terms it merged.
 */
export async function optimizeSearchIndex(
  db: Driver,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const terms = (
    await db.query<{ term: string }>("SELECT term FROM search_postings GROUP BY term HAVING count(*) > 1 ORDER BY term")
  ).map((r) => r.term);
  for (let i = 0; i < terms.length; i += 2000) {
    const chunk = terms.slice(i, i + 2000);
    await db.transaction(async (tx) => {
      const blocks = await tx.query<Block>(
        "SELECT id::text AS id, term, n FROM search_postings WHERE term = ANY($1::text[]) ORDER BY term, id",
        [chunk],
      );
      await mergeBlocks(
        tx,
        [...byTerm(blocks).values()].map((bs) => bs.map((b) => b.id)),
      );
    });
    onProgress?.(Math.min(terms.length, i + 2000), terms.length);
  }
  await db.exec("VACUUM ANALYZE search_postings");
  await db.exec("ANALYZE search_docs");
  return terms.length;
}
