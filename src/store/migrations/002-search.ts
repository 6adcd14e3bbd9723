import type { Migration } from "./migration.js";

/**
 * Full-text search tables. The analysis (fold, stopwords, stem) runs in TypeScript, never in the database, so PGlite
 * and PostgreSQL store the same terms and return the same ranking.
 *
 * Postings are stored in blocks, one row per (term, ingest batch), the way a search engine writes segments. A
 * block's `data` packs its postings as little-endian int32 quadruples (doc, tf, len, day), in doc order, base64:
 *
 *   term │ n │ data
 *   ─────┼───┼──────────────────────────────────────────────────────────────
 *   وزير │ 3 │ base64([12, 2, 310, 20150723][40, 1, 95, 20150801][…])
 *
 * `doc` is `articles.ingested_seq`, `len` the doc's length in terms (BM25 needs it for every posting), `day` its
 * publication date as YYYYMMDD (0 when unknown) so date filters cost nothing. Why base64 text rather than int4[]
 * or bytea: both drivers hand text over as one string, decoded in one call, while arrays and bytea are parsed
 * element by element (measured: 10–20× slower for a term in 20,000 articles on PGlite), and BM25 summed in SQL
 * (unnest + group by) was slower still. A query reads one index range per query term.
 * Since migration 7, blocks are written in a compact varint form (`~` + base64, search/postings.ts; this plain form
 * is still read) and a term's blocks are merged as they accumulate (search/compact.ts).
 * `search_docs` records which articles are indexed (idempotent re-runs), `search_stats` the totals BM25 needs.
 */
export const search: Migration = {
  id: 2,
  name: "search",
  sql: `
CREATE TABLE search_docs (
  doc        integer PRIMARY KEY,
  article_id text NOT NULL UNIQUE,
  len        integer NOT NULL
);
CREATE TABLE search_postings (
  id   bigserial PRIMARY KEY,
  term text NOT NULL,
  n    integer NOT NULL,
  data text NOT NULL
);
CREATE INDEX search_postings_term ON search_postings (term);
CREATE TABLE search_stats (
  id        integer PRIMARY KEY CHECK (id = 1),
  docs      bigint NOT NULL,
  total_len bigint NOT NULL
);
INSERT INTO search_stats (id, docs, total_len) VALUES (1, 0, 0);
`,
};
