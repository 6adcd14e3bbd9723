import { loadHasher } from "../core/hash.js";
import type { Article } from "../core/types.js";
import type { IngestHook } from "../store/hooks.js";
import type { Sql } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { Clusterer, type Placement } from "./engine.js";
import { analyseArticle, type AnalysedArticle } from "./features.js";
import { memoIdentity, type TextIdentity } from "./identity.js";
import { inferDatesForStories } from "./dates.js";
import { replay } from "./replay.js";
import { readSnapshot, SNAPSHOT_EVERY, writeSnapshot } from "./snapshot.js";
import { catchUp, maxPlacedSeq, type Marks } from "./catch-up.js";
import {
  batchDf,
  lockGroups,
  maxLogSeq,
  placedIds,
  restore,
  writeLog,
  writePlacements,
  writeRevisions,
  writeStories,
  writeTopics,
  type GroupRow,
} from "./persist.js";

/** A store this small is replayed when a process (re)starts; a larger one is restored from the stored results. */
const REBUILD_REPLAY_MAX = 5_000;

export interface ClusterHookOptions {
  /** Placements between two checkpoints (snapshot.ts); default SNAPSHOT_EVERY. */
  snapshotEvery?: number;
  /** Without a checkpoint, a store of at most this many placements is replayed, a larger one restored. */
  replayMax?: number;
}

/**
 * The ingest hook for dedup, stories and topics. It keeps the clustering state in memory (indexes are what make
 * it fast) and everything that state is made of in the store, written in the batch's own transaction; so a process
 * killed at any point restarts from the store with exactly the decisions that were committed.
 *
 * When a batch's transaction does not commit (a later hook failed, the connection dropped), the memory holds
 * placements the store does not: the next batch notices (its predecessor's placements are missing) and rebuilds.
 *
 * Several processes (workers on one PostgreSQL) take turns under the ingest lock (store/locks.ts), which the
 * storing step holds around every hook; before deciding, each replays what the others committed since its last
 * batch (replay.ts), so its memory is the one a single process would have.
 */
export async function createClusterHook(_store: Store, opts: ClusterHookOptions = {}): Promise<IngestHook> {
  const snapshotEvery = opts.snapshotEvery ?? SNAPSHOT_EVERY;
  const replayMax = opts.replayMax ?? REBUILD_REPLAY_MAX;
  await loadHasher();
  // Built on the first batch, inside its transaction and under the ingest lock, so the memory starts from exactly
  // the placements committed before that batch (see catch-up.ts).
  let clusterer: Clusterer | undefined;
  let seq = 0;
  /** How far this memory reflects the store; anything above it was committed by another process. */
  let known: Marks = { placed: 0, log: 0 };
  let lastBatch: string[] = [];
  /**
   * `known.log` may lag `known.placed`: a replay outside the lock (`follow`) moves only the placements mark. A
   * catch-up from the log would then apply batches already replayed, so a backlog then means a rebuild.
   */
  let logBehind = false;
  /** Each article's analysis and text identity, made by `prepare` outside the lock, by article id. */
  let prepared = new Map<string, { text: string; title: string; analysed: AnalysedArticle; identity: TextIdentity }>();
  /** The placement mark of the latest checkpoint (snapshot.ts) this memory knows of. */
  let checkpoint = 0;

  /**
   * A fresh memory: the latest checkpoint and the placements after it, replayed (exactly the memory of a process
   * that never stopped; snapshot.ts). Without one, a small store is replayed from its first placement (exact too);
   * a large one is restored from the stored results (close, not exact: see catch-up.ts), and checkpointed at once.
   */
  const rebuild = async (sql: Sql): Promise<Clusterer> => {
    const snap = await readSnapshot(sql, () => new Clusterer());
    if (snap !== null) {
      seq = snap.seq;
      const r = await replay(sql, snap.clusterer, snap.placed, () => ++seq);
      if (r.ok) {
        checkpoint = snap.placed;
        known = { placed: await maxPlacedSeq(sql), log: await maxLogSeq(sql) };
        logBehind = false;
        seq = Math.max(seq, known.placed);
        return snap.clusterer;
      }
    }
    checkpoint = 0;
    seq = 0;
    let c = new Clusterer();
    const r = await replay(sql, c, 0, () => ++seq, replayMax);
    if (!r.ok) {
      c = new Clusterer();
      await restore(sql, c);
    }
    known = { placed: await maxPlacedSeq(sql), log: await maxLogSeq(sql) };
    logBehind = false;
    seq = Math.max(seq, known.placed);
    return c;
  };

  /** Brings the memory up to what other processes committed since this one's last batch. */
  const follow = async (sql: Sql, c: Clusterer): Promise<Clusterer> => {
    const r = await replay(sql, c, known.placed, () => ++seq);
    if (!r.ok && (r.why === "diverged" || logBehind)) return rebuild(sql);
    if (!r.ok) known = await catchUp(sql, c, known);
    else known = { placed: r.last, log: await maxLogSeq(sql) };
    logBehind = false;
    seq = Math.max(seq, known.placed);
    return c;
  };

  /** The prepared analysis of `a`, if its text is still the one prepared (stages after `prepare` keep the text). */
  const preparedOf = (a: Article) => {
    const p = prepared.get(a.id);
    return p !== undefined && p.text === a.text && p.title === a.title ? p : undefined;
  };

  return {
    name: "cluster",
    // Outside the lock: the articles' analysis and text identity (nearly all of placing's cost that needs nothing
    // but the article), so that under the lock only the decisions are left.
    prepare(articles) {
      prepared = new Map();
      for (const a of articles) {
        prepared.set(a.id, {
          text: a.text,
          title: a.title,
          analysed: analyseArticle(a),
          identity: memoIdentity(a.text),
        });
      }
    },
    // Outside the lock: replays what the others committed since this process's last batch (a prefix of the
    // placements: they are written under the ingest lock, one batch at a time, so rows become visible in seq
    // order). Under the lock, `run` replays only what was committed meanwhile. Anything unusual (a memory that may
    // be spoilt, a replay that fails) is left to `run`.
    async follow(sql: Sql) {
      if (clusterer === undefined) return;
      if (lastBatch.length > 0 && (await placedIds(sql, lastBatch)) !== lastBatch.length) return;
      let r: Awaited<ReturnType<typeof replay>>;
      try {
        r = await replay(sql, clusterer, known.placed, () => ++seq);
      } catch (e) {
        clusterer = undefined; // replayed part way, perhaps: rebuild under the lock
        throw e;
      }
      if (!r.ok) {
        clusterer = undefined; // a diverged replay spoilt the memory; a backlog replayed nothing: rebuild either way
        return;
      }
      if (r.last !== known.placed) logBehind = true;
      known = { ...known, placed: r.last };
      seq = Math.max(seq, known.placed);
    },
    async run(tx: Sql, articles: readonly Article[]): Promise<void> {
      // Under the ingest lock (IngestHook's contract): several processes decide one batch at a time, each seeing
      // every batch committed before it, exactly as one process would.
      if (clusterer === undefined || (lastBatch.length > 0 && (await placedIds(tx, lastBatch)) !== lastBatch.length)) {
        clusterer = await rebuild(tx);
      } else {
        clusterer = await follow(tx, clusterer);
      }
      const c = clusterer;
      const placed: Placement[] = [];
      for (const a of articles) {
        const p = preparedOf(a);
        placed.push(p === undefined ? c.place(a, ++seq) : c.place(a, ++seq, p.analysed, p.identity));
      }
      prepared = new Map();
      lastBatch = placed.map((p) => p.article.id);
      const log = await persistBatch(tx, c, placed);
      known = { placed: await maxPlacedSeq(tx), log };
      seq = Math.max(seq, known.placed);
      if (known.placed - checkpoint >= snapshotEvery) {
        await writeSnapshot(tx, c, known.placed, seq);
        checkpoint = known.placed;
      }
    },
  };
}

/** Writes the batch's placements and everything they changed; returns the batch's `cluster_log` seq. */
async function persistBatch(tx: Sql, c: Clusterer, placed: readonly Placement[]): Promise<number> {
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
  // A split leaves its first part in `from`, whose profile shrank even when none of its stories was touched.
  for (const split of placed.flatMap((p) => p.topicSplits)) {
    for (const id of [split.from, ...split.into]) {
      const g = c.topics.get(id);
      if (g && !topics.has(id) && g.mergedInto === undefined) topics.set(id, { id, title: "", profile: g.profile });
    }
  }
  const merges = placed.flatMap((p) => p.topicMerges);
  const merged = merges.map((m) => m.from);
  await lockGroups(tx, [...storyIds, ...topics.keys(), ...merged]);
  await writeTopics(tx, [...topics.values()]);
  await writeStories(tx, stories);
  await writePlacements(tx, placed);
  const moved = placed.flatMap((p) => p.moved);
  await writeRevisions(tx, moved, merges);
  // Stories an article left or joined change their dates too.
  await inferDatesForStories(tx, [...new Set([...storyIds, ...moved.flatMap((m) => [m.story, m.from])])]);
  return writeLog(tx, { stories: [...storyIds], topics: [...topics.keys()], merges, moved, df: batchDf(placed) });
}
