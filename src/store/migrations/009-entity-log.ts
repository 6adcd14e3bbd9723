import type { Migration } from "./migration.js";

/**
 * One row per stored batch: the calls that changed the entity registry while its articles were linked, in order
 * (annotate/entities/registry-log.ts). Replaying them on the gazetteers' registry gives exactly the registry the
 * writer held, which the `entities` table cannot: it keeps an entity's names, not the order they were learned in,
 * nor the genders and the transliteration and short-form keys linking decided by. Several workers keep one registry
 * through it, and a new run starts from it. Rows are written under the ingest lock, so `seq` order is commit order.
 */
export const entityLog: Migration = {
  id: 9,
  name: "entity-log",
  sql: `
CREATE TABLE entity_log (
  seq bigserial PRIMARY KEY,
  ops jsonb NOT NULL
);
`,
};
