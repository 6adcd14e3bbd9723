import { decodeSignature } from "../dedup/minhash.js";
import type { Sql } from "../store/sql.js";
import type { Clusterer } from "./engine.js";
import { fromStored, type StoredFeatures } from "./features.js";
import { Profile, type StoredProfile } from "./profile.js";

/** Advisory-lock key (single-key form) under which batches make their clustering decisions, one at a time. Shared with src/queue/serialise.ts. */
export const CLUSTER_LOCK = 7215060;

/** The highest placement sequence number in the store (0 when nothing is placed). */
export async function maxPlacedSeq(sql: Sql): Promise<number> {
  const rows = await sql.query<{ m: number }>("SELECT coalesce(max(seq), 0)::float8 AS m FROM cluster_articles");
  return Number(rows[0]?.m ?? 0);
}

/**
 * Brings a clusterer's memory up to date with placements other processes committed after `after` (their
 * `cluster_articles.seq`): their dedup entries, story links and frequencies, and the current profiles of the stories
 * and topics they touched. Called under CLUSTER_LOCK, where placements are committed one batch at a time, so seq
 * order is commit order and nothing is missed. Costs what the others wrote, not a full rebuild.
 * Returns the new high-water mark.
 */
export async function catchUp(sql: Sql, c: Clusterer, after: number): Promise<number> {
  const rows = await sql.query<{
    seq: number; article_id: string; story_id: string; exact_key: string; signature: string; shingles: number;
    features: StoredFeatures; duplicate_of: string | null;
  }>(
    `SELECT c.seq::float8 AS seq, c.article_id, c.story_id, c.exact_key, c.signature, c.shingles, c.features, a.duplicate_of
       FROM cluster_articles c JOIN articles a ON a.id = c.article_id
      WHERE c.seq > $1 ORDER BY c.seq`,
    [after],
  );
  if (rows.length === 0) return after;
  const storyIds = [...new Set(rows.map((r) => r.story_id))];
  const stories = await sql.query<{ id: string; topic_id: string | null; data: { profile?: StoredProfile } }>(
    "SELECT id, topic_id, data FROM stories WHERE id = ANY($1::text[])",
    [storyIds],
  );
  const topicIds = [...new Set(stories.map((s) => s.topic_id).filter((t): t is string => t !== null))];
  const topics = await sql.query<{ id: string; data: { profile?: StoredProfile } }>("SELECT id, data FROM topics WHERE id = ANY($1::text[])", [topicIds]);
  for (const t of topics) {
    if (!t.data.profile) continue;
    const p = Profile.fromJSON(t.data.profile);
    const g = c.topics.get(t.id);
    if (g) {
      g.profile = p;
      c.topics.repost(g);
    } else c.restoreTopic(t.id, p);
  }
  for (const s of stories) {
    if (!s.data.profile || !s.topic_id) continue;
    const p = Profile.fromJSON(s.data.profile);
    const g = c.stories.get(s.id);
    if (g) {
      g.profile = p;
      c.stories.repost(g);
    }
    c.restoreStory(s.id, s.topic_id, p);
  }
  for (const r of rows) {
    const f = fromStored(r.article_id, r.features);
    const entry = { id: r.article_id, exactKey: r.exact_key, sig: decodeSignature(r.signature), shingles: r.shingles, day: f.day, seq: Number(r.seq) };
    c.restoreArticle(entry, r.story_id, r.duplicate_of, f);
  }
  return Number(rows[rows.length - 1]!.seq);
}
