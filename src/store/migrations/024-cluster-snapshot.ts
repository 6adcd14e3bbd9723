import type { Migration } from "./migration.js";

/**
 * Checkpoints of the clustering memory (src/cluster/snapshot.ts): the whole in-memory state of the engine as it was
 * right after the placement `placed` (a `cluster_articles.seq`), gzipped JSON. A process starts from the latest one
 * and replays only the placements after it, instead of reading the whole store; only the newest few are kept.
 */
export const clusterSnapshot: Migration = {
  id: 24,
  name: "cluster-snapshot",
  sql: `
CREATE TABLE cluster_snapshots (
  placed     bigint PRIMARY KEY,
  format     text NOT NULL,
  data       bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
};
