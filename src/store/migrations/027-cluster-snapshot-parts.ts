import type { Migration } from "./migration.js";

/**
 * A clustering checkpoint in parts (src/cluster/snapshot.ts): one row per part of the engine's state (its stories,
 * its topics, its dedup entries…), each gzipped JSON, read one at a time. Read whole, the checkpoint of a
 * 15,000-article store (17 MB) grew PGlite's memory, which never shrinks, by 200 MB; part by part, by the largest
 * part. `cluster_snapshots.data` is then empty; the parts go with their checkpoint.
 */
export const clusterSnapshotParts: Migration = {
  id: 27,
  name: "cluster-snapshot-parts",
  sql: `
CREATE TABLE cluster_snapshot_parts (
  placed bigint NOT NULL REFERENCES cluster_snapshots (placed) ON DELETE CASCADE,
  part   text NOT NULL,
  data   bytea NOT NULL,
  PRIMARY KEY (placed, part)
);
`,
};
