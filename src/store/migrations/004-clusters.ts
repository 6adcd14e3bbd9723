import type { Migration } from "./migration.js";

/**
 * Dedup and clustering state (issue 7). `cluster_articles` holds, per clustered article, what the in-memory
 * indexes are rebuilt from on start (exact key, MinHash signature, features) and the decision with its evidence.
 * Story and topic profiles live in `stories.data` / `topics.data` (`profile`), updated under a per-story advisory lock.
 */
export const clusters: Migration = {
  id: 4,
  name: "clusters",
  sql: `
CREATE TABLE cluster_articles (
  article_id  text PRIMARY KEY,
  seq         bigserial NOT NULL,
  story_id    text NOT NULL,
  exact_key   text NOT NULL,
  signature   text NOT NULL,
  shingles    integer NOT NULL,
  features    jsonb NOT NULL,
  decision    jsonb NOT NULL
);
CREATE INDEX cluster_articles_seq ON cluster_articles (seq);
CREATE INDEX cluster_articles_story ON cluster_articles (story_id);
CREATE INDEX cluster_articles_exact ON cluster_articles (exact_key);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
`,
};
