import type { Sql } from "../store/sql.js";
import { decodePostings } from "./postings.js";

/** A term's postings, all blocks decoded and concatenated: [doc, tf, len, day, …], and its df. */
export interface TermPostings {
  term: string;
  df: number;
  ints: Int32Array;
}

/** The decoded postings the cache may hold per store, in int32s (16 MB). */
const BUDGET_INTS = 4 * 1024 * 1024;

/**
 * A bounded LRU of decoded postings, one per store handle. Common terms (وزير, متحد) recur across queries and are
 * the costliest to read and decode. Entries are valid for one index generation: the (docs, total_len) totals, which
 * every indexing batch changes (postings are only ever added), so a query sees what the store holds now even when
 * another process indexes. Merging blocks (compact.ts) changes no term's postings, so it needs no invalidation.
 */
class PostingsCache {
  private generation = "";
  private ints = 0;
  private readonly entries = new Map<string, TermPostings>();

  /** Drops everything when the index has changed since the entries were read. */
  sync(generation: string): void {
    if (generation === this.generation) return;
    this.generation = generation;
    this.entries.clear();
    this.ints = 0;
  }

  get(term: string): TermPostings | undefined {
    const e = this.entries.get(term);
    if (e !== undefined) {
      this.entries.delete(term); // re-inserted: Map order is recency order
      this.entries.set(term, e);
    }
    return e;
  }

  put(e: TermPostings): void {
    if (e.ints.length > BUDGET_INTS / 4) return; // one huge term would evict everything else
    this.entries.set(e.term, e);
    this.ints += e.ints.length;
    for (const [k, old] of this.entries) {
      if (this.ints <= BUDGET_INTS) break;
      this.entries.delete(k);
      this.ints -= old.ints.length;
    }
  }
}

const caches = new WeakMap<Sql, PostingsCache>();

/**
 * The postings of `terms` (sorted), through the cache of this store handle: cached terms cost nothing, the others
 * are read in one query (one index range per term) and cached. Terms with no postings are left out.
 */
export async function termPostings(sql: Sql, terms: readonly string[], generation: string): Promise<TermPostings[]> {
  let cache = caches.get(sql);
  if (cache === undefined) caches.set(sql, (cache = new PostingsCache()));
  cache.sync(generation);
  const found = new Map<string, TermPostings>();
  const missing: string[] = [];
  for (const t of terms) {
    const e = cache.get(t);
    if (e === undefined) missing.push(t);
    else found.set(t, e);
  }
  if (missing.length > 0) {
    const rows = await sql.query<{ term: string; n: number; data: string }>(
      "SELECT term, n, data FROM search_postings WHERE term = ANY($1::text[]) ORDER BY term, id",
      [missing],
    );
    for (const e of concatByTerm(rows)) {
      cache.put(e);
      found.set(e.term, e);
    }
  }
  return terms.flatMap((t) => found.get(t) ?? []);
}

function concatByTerm(rows: ReadonlyArray<{ term: string; n: number; data: string }>): TermPostings[] {
  const parts = new Map<string, { df: number; blocks: Int32Array[] }>();
  for (const r of rows) {
    let p = parts.get(r.term);
    if (p === undefined) parts.set(r.term, (p = { df: 0, blocks: [] }));
    p.df += Number(r.n);
    p.blocks.push(decodePostings(r.data));
  }
  return [...parts].map(([term, p]) => ({ term, df: p.df, ints: concat(p.blocks) }));
}

function concat(blocks: readonly Int32Array[]): Int32Array {
  if (blocks.length === 1) return blocks[0]!;
  const out = new Int32Array(blocks.reduce((s, b) => s + b.length, 0));
  let o = 0;
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}
