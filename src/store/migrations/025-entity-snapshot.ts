import type { Migration } from "./migration.js";

/**
 * Checkpoints of the entity registry (annotate/entities/registry-snapshot.ts): the registry's whole state right
 * after the entity log row `seq`, gzipped JSON. A process starts from the latest one and applies only the log rows
 * after it, instead of every row since the store began; only the newest few are kept.
 */
export const entitySnapshot: Migration = {
  id: 25,
  name: "entity-snapshot",
  sql: `
CREATE TABLE entity_snapshots (
  seq        bigint PRIMARY KEY,
  format     text NOT NULL,
  data       bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
};
