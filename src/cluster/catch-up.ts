import type { Sql } from "../store/sql.js";
import type { Clusterer } from "./engine.js";
import { placementsAfter, restoreMembersOf, restorePlacement, type LogDf } from "./persist.js";
import { Profile, type StoredProfile } from "./profile.js";

/** The highest placement sequence number in the store (0 when nothing is placed). */
export async function maxPlacedSeq(sql: Sql): Promise<number> {
  const rows = await sql.query<{ m: number }>("SELECT coalesce(max(seq), 0)::float8 AS m FROM cluster_articles");
  return Number(rows[0]?.m ?? 0);
}

/** How far a clusterer's memory reflects the store: the last placement seq and the last `cluster_log` seq. */
export interface Marks {
  placed: number;
  log: number;
}

interface LogRow {
  seq: number;
  stories: string[];
  topics: string[];
  merges: { from: string; into: string }[];
  moved: { id: string; story: string }[];
  df: LogDf | null;
}

/**
 * Brings a clusterer's memory up to date with what other processes committed after `after`: their placements (dedup
 * entries, story links, frequencies) and everything their batches changed beyond them (`cluster_log`: topics folded
 * into others, articles moved between stories, and the current profiles, topic links and revisable members of every
 * story and topic they wrote). The memory then holds what one process deciding every batch would hold, so the next
 * decisions are the ones it would make. Called under the ingest lock (store/locks.ts), where batches commit one at
 * a time, so seq order is commit order and nothing is missed. Costs what the others wrote, not a full rebuild. Returns the new marks.
 */
export async function catchUp(sql: Sql, c: Clusterer, after: Marks): Promise<Marks> {
  const log = await sql.query<LogRow>(
    "SELECT seq::float8 AS seq, stories, topics, merges, moved, df FROM cluster_log WHERE seq > $1 ORDER BY seq",
    [after.log],
  );
  const rows = await placementsAfter(sql, after.placed);
  if (rows.length === 0 && log.length === 0) return after;
  // Topic folds first, in the order they were made: a folded topic stops being a candidate here too.
  for (const l of log) for (const m of l.merges) c.restoreTopicMerge(m.from, m.into);
  const storyIds = [...new Set([...log.flatMap((l) => l.stories), ...rows.map((r) => r.story_id)])];
  const stories = await sql.query<{ id: string; topic_id: string | null; data: { profile?: StoredProfile } }>(
    "SELECT id, topic_id, data FROM stories WHERE id = ANY($1::text[])",
    [storyIds],
  );
  const topicIds = [
    ...new Set([
      ...log.flatMap((l) => l.topics),
      ...stories.map((s) => s.topic_id).filter((t): t is string => t !== null),
    ]),
  ];
  const topics = await sql.query<{ id: string; data: { profile?: StoredProfile } }>(
    "SELECT id, data FROM topics WHERE id = ANY($1::text[])",
    [topicIds],
  );
  for (const t of topics) {
    if (!t.data.profile) continue;
    const p = Profile.fromJSON(t.data.profile);
    const g = c.topics.get(t.id);
    if (g) c.topics.replace(g, p);
    else c.restoreTopic(t.id, p);
  }
  for (const s of stories) {
    if (!s.data.profile || !s.topic_id) continue;
    const p = Profile.fromJSON(s.data.profile);
    const g = c.stories.get(s.id);
    if (g) c.stories.replace(g, p);
    c.restoreStory(s.id, s.topic_id, p);
  }
  // The frequencies exactly as the other processes counted them, when their log rows carry them all.
  const counted =
    log.length > 0 && log.every((l) => l.df !== null) && log.reduce((n, l) => n + l.df!.n, 0) === rows.length;
  if (counted) for (const l of log) c.observeCounts(l.df!.t, l.df!.e, l.df!.n);
  for (const r of rows) restorePlacement(c, r, counted);
  for (const l of log) for (const m of l.moved) c.storyOf.set(m.id, m.story);
  await restoreMembersOf(
    sql,
    c,
    stories.filter((s) => (s.data.profile?.n ?? Infinity) < c.config.revision.storyMembers).map((s) => s.id),
  );
  for (const s of stories)
    if ((s.data.profile?.n ?? Infinity) >= c.config.revision.storyMembers) c.restoreMembers(s.id, null);
  return {
    placed: rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : after.placed,
    log: log.length > 0 ? Number(log[log.length - 1]!.seq) : after.log,
  };
}
