import type { Migration } from "./migration.js";

/**
 * Full-text search tables. The analysis (fold, stopwords, stem) runs in TypeScript, never in the database, so PGlite
 * and PostgreSQL store the same terms and return the same ranking.
 *
 * Postings are stored in blocks, one row per (term, ingest batch), with parallel arrays in doc order, the way a
 * search engine writes segments:
 *
 *   term │ n │ docs int4[] │ tfs int4[] │ lens int4[]   │ days int4[]
 *   ─────┼───┼─────────────┼────────────┼───────────────┼──────────────
 *   وزير │ 3 │ {12,40,41}  │ {2,1,3}    │ {310,95,402}  │ {20150723,…}
 *
 * `docs` are `articles.ingested_seq`, `lens` each doc's length in terms (BM25 needs it for every posting), `days` its
 * publication date as YYYYMMDD (0 when unknown) so date filters cost nothing. BM25 is summed inside the database
 * (unnest + group by): only the top hits cross to JavaScript, never the postings of a common term.
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
  docs int4[] NOT NULL,
  tfs  int4[] NOT NULL,
  lens int4[] NOT NULL,
  days int4[] NOT NULL
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
