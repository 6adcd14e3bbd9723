import { loadHasher } from "../core/hash.js";
import type { Article } from "../core/types.js";
import type { IngestHook } from "../pipeline/hooks.js";
import type { Sql } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { Clusterer, type Placement } from "./engine.js";
import { inferDatesForStories } from "./dates.js";
import { CLUSTER_LOCK, catchUp, maxPlacedSeq } from "./catch-up.js";
import { lockGroups, placedIds, restore, writePlacements, writeRevisions, writeStories, writeTopics, type GroupRow } from "./persist.js";

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
  // Titles: a story keeps its stored title; a new one takes its first article's (a story started by an article
  // moved out of another is titled from the store, below).
  const titleOf = new Map<string, string>();
  for (const p of placed) if (!titleOf.has(p.decision.story)) titleOf.set(p.decision.story, p.article.title);
  const storyIds = new Set(placed.flatMap((p) => p.touched));
  const stories: GroupRow[] = [];
  const topics = new Map<string, GroupRow>();
  for (const id of [...storyIds].sort()) {
    const s = c.stories.get(id)!;
    const topicId = c.topicOf.get(id)!;
    const title = titleOf.get(id) ?? "";
    stories.push({ id, title, profile: s.profile, topic: topicId });
    if (!topics.has(topicId)) topics.set(topicId, { id: topicId, title, profile: c.topics.get(topicId)!.profile });
  }
  const merged = placed.flatMap((p) => p.topicMerges.map((m) => m.from));
  await lockGroups(tx, [...storyIds, ...topics.keys(), ...merged]);
  await writeTopics(tx, [...topics.values()]);
  await writeStories(tx, stories);
  await writePlacements(tx, placed);
  await writeRevisions(tx, placed.flatMap((p) => p.moved), merged);
  await inferDatesForStories(tx, [...storyIds]);
}
