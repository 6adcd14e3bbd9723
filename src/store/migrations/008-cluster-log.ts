import type { Migration } from "./migration.js";

/**
 * One row per clustering batch: the stories and topics it wrote, the topics it folded into others and the articles
 * it moved between stories, and what its articles added to the document frequencies. Several workers keep their clustering memory in step through it (catch-up.ts): a
 * batch changes stories other than those of its own placements (a revision moves an older article, a merge
 * re-points a topic's stories), and a worker that only read the other workers' placements would go on deciding from
 * stale profiles and write them back over the newer ones. Rows are written under the clustering lock, so `seq`
 * order is commit order.
 */
export const clusterLog: Migration = {
  id: 8,
  name: "cluster-log",
  sql: `
CREATE TABLE cluster_log (
  seq      bigserial PRIMARY KEY,
  stories  text[] NOT NULL,
  topics   text[] NOT NULL,
  merges   jsonb NOT NULL DEFAULT '[]',
  moved    jsonb NOT NULL DEFAULT '[]',
  df       jsonb
);
`,
};
