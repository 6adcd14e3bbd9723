import { loadHasher } from "../core/hash.js";
import type { Article } from "../core/types.js";
import type { IngestHook } from "../pipeline/hooks.js";
import type { Sql } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { Clusterer, type Placement } from "./engine.js";
import { inferDatesForStories } from "./dates.js";
import { CLUSTER_LOCK, catchUp, maxPlacedSeq } from "./catch-up.js";
import { lockGroups, placedIds, restore, writePlacements, writeStories, writeTopics, type GroupRow } from "./persist.js";

/**
 * The ingest hook for dedup, stories and topics. It keeps the clustering state in memory (indexes are what make
 * it fast) and everything that state is made of in the store, written in the batch's own transaction; so a process
 * killed at any point restarts from the store with exactly the decisions that were committed.
 *
 * When a batch's transaction does not commit (a later hook failed, the connection dropped), the memory holds
 * placements the store does not: the next batch notices (its predecessor's placements are missing) and rebuilds.
 */
export async function createClusterHook(_store: Store): Promise<IngestHook> {
  await loadHasher();
  // Built on the first batch, inside its transaction and under CLUSTER_LOCK, so the memory starts from exactly the
  // placements committed before that batch (see catch-up.ts).
  let clusterer: Clusterer | undefined;
  let seq = 0;
  /** The highest placement seq this memory reflects; anything above it was committed by another process. */
  let known = 0;
  let lastBatch: string[] = [];

  const rebuild = async (sql: Sql): Promise<Clusterer> => {
    const c = new Clusterer();
    await restore(sql, c);
    known = seq = await maxPlacedSeq(sql);
    return c;
  };

  return {
    name: "cluster",
    async run(tx: Sql, articles: readonly Article[]): Promise<void> {
      // Several processes (workers on one PostgreSQL) decide one batch at a time: each sees every batch committed
      // before it, exactly as one process would. On PGlite this costs a statement.
      await tx.query("SELECT pg_advisory_xact_lock($1)", [CLUSTER_LOCK]);
      if (clusterer === undefined || (lastBatch.length > 0 && (await placedIds(tx, lastBatch)) !== lastBatch.length)) {
        clusterer = await rebuild(tx);
      } else if ((await maxPlacedSeq(tx)) > known) {
        known = await catchUp(tx, clusterer, known);
        seq = Math.max(seq, known);
      }
      const c = clusterer;
      const placed: Placement[] = [];
      for (const a of articles) placed.push(c.place(a, ++seq));
      lastBatch = placed.map((p) => p.article.id);
      await persistBatch(tx, c, placed);
      known = await maxPlacedSeq(tx);
      seq = Math.max(seq, known);
    },
  };
}

async function persistBatch(tx: Sql, c: Clusterer, placed: readonly Placement[]): Promise<void> {
  const stories = new Map<string, GroupRow>();
  const topics = new Map<string, GroupRow>();
  for (const p of placed) {
    const s = c.stories.get(p.decision.story)!;
    const topicId = p.decision.topic.id;
    const t = c.topics.get(topicId)!;
    if (!stories.has(s.id)) stories.set(s.id, { id: s.id, title: p.article.title, profile: s.profile, topic: topicId });
    if (!topics.has(t.id)) topics.set(t.id, { id: t.id, title: p.article.title, profile: t.profile });
  }
  await lockGroups(tx, [...stories.keys(), ...topics.keys()]);
  await writeTopics(tx, [...topics.values()]);
  await writeStories(tx, [...stories.values()]);
  await writePlacements(tx, placed);
  await inferDatesForStories(tx, [...stories.keys()]);
}
