import { LOCK_KEYS } from "../store/locks.js";
import type { Sql } from "../store/sql.js";
import { decodeSignature, encodeSignature } from "../dedup/minhash.js";
import type { Clusterer, Placement } from "./engine.js";
import { fromStored, isoOfDay, toStored, type ArticleFeatures, type StoredFeatures } from "./features.js";
import { Profile, type StoredProfile } from "./profile.js";

/** A story or topic row to write: its profile, and the columns the river and the API read. */
export interface GroupRow {
  id: string;
  title: string;
  profile: Profile;
  topic?: string;
}

/**
 * Takes the transaction-scoped advisory lock of each story and topic about to change, in sorted order (two workers
 * touching the same two stories then queue instead of deadlocking). On PostgreSQL this serialises every decision
 * that changes a story; on PGlite (one process) it costs one statement.
 */
export async function lockGroups(tx: Sql, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    "SELECT count(pg_advisory_xact_lock($2::int, hashtext(x))) FROM (SELECT DISTINCT unnest($1::text[]) AS x ORDER BY 1) l",
    [[...ids], LOCK_KEYS.group],
  );
}

export async function writeTopics(tx: Sql, topics: readonly GroupRow[]): Promise<void> {
  if (topics.length === 0) return;
  const payload = topics.map((t) => ({ id: t.id, label: t.title, data: { profile: t.profile.toJSON() } }));
  await tx.query(
    `INSERT INTO topics (id, label, data)
     SELECT x.id, x.label, x.data FROM jsonb_to_recordset($1::jsonb) AS x(id text, label text, data jsonb)
     ON CONFLICT (id) DO UPDATE SET data = topics.data || EXCLUDED.data, updated_at = now()`,
    [JSON.stringify(payload)],
  );
}

export async function writeStories(tx: Sql, stories: readonly GroupRow[]): Promise<void> {
  if (stories.length === 0) return;
  const payload = stories.map((s) => ({
    id: s.id,
    topic_id: s.topic ?? null,
    title: s.title,
    first_date: s.profile.first === null ? null : isoOfDay(s.profile.first),
    last_date: s.profile.last === null ? null : isoOfDay(s.profile.last),
    article_count: s.profile.n,
    data: { profile: s.profile.toJSON() },
  }));
  await tx.query(
    `INSERT INTO stories (id, topic_id, title, first_date, last_date, article_count, data)
     SELECT x.id, x.topic_id, x.title, x.first_date, x.last_date, x.article_count, x.data
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, topic_id text, title text, first_date text, last_date text,
            article_count integer, data jsonb)
     ON CONFLICT (id) DO UPDATE SET topic_id = EXCLUDED.topic_id, first_date = EXCLUDED.first_date,
       last_date = EXCLUDED.last_date, article_count = EXCLUDED.article_count,
       data = stories.data || EXCLUDED.data, updated_at = now()`,
    [JSON.stringify(payload)],
  );
}

/** Stores each placement (features, signature, decision) and links the article to its story and original. */
export async function writePlacements(tx: Sql, placed: readonly Placement[]): Promise<void> {
  if (placed.length === 0) return;
  const payload = placed.map((p) => ({
    article_id: p.article.id,
    story_id: p.decision.story,
    exact_key: p.dedup.exactKey,
    signature: encodeSignature(p.dedup.sig),
    shingles: p.dedup.shingles,
    features: toStored(p.features),
    decision: p.decision,
  }));
  const json = JSON.stringify(payload);
  await tx.query(
    `INSERT INTO cluster_articles (article_id, story_id, exact_key, signature, shingles, features, decision)
     SELECT x.article_id, x.story_id, x.exact_key, x.signature, x.shingles, x.features, x.decision
       FROM jsonb_to_recordset($1::jsonb) AS x(article_id text, story_id text, exact_key text, signature text,
            shingles integer, features jsonb, decision jsonb)
     ON CONFLICT (article_id) DO NOTHING`,
    [json],
  );
  // Only the columns it sets: the placements' JSON (features, decisions) would be parsed again for nothing.
  const links = placed.map((p) => ({
    article_id: p.article.id,
    story_id: p.decision.story,
    duplicate_of: p.decision.duplicate?.original ?? null,
  }));
  await tx.query(
    `UPDATE articles a SET story_id = x.story_id, duplicate_of = x.duplicate_of
       FROM jsonb_to_recordset($1::jsonb) AS x(article_id text, story_id text, duplicate_of text)
      WHERE a.id = x.article_id`,
    [JSON.stringify(links)],
  );
  const relinked = placed.flatMap((p) => p.relinked);
  if (relinked.length > 0) {
    await tx.query(
      `UPDATE articles a SET duplicate_of = x.original
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, original text) WHERE a.id = x.id`,
      [JSON.stringify(relinked)],
    );
  }
}

/**
 * What later articles revised: articles moved to another story (the last move of each wins), topics merged into
 * another (their rows go once no story points at them), and stories started by a moved article get its title.
 */
export async function writeRevisions(
  tx: Sql,
  moved: readonly { id: string; story: string; from: string }[],
  merges: readonly { from: string; into: string }[],
): Promise<void> {
  if (moved.length > 0) {
    const last = [...new Map(moved.map((m) => [m.id, m.story]))].map(([id, story]) => ({ id, story }));
    const json = JSON.stringify(last);
    await tx.query(
      `UPDATE cluster_articles c SET story_id = x.story FROM jsonb_to_recordset($1::jsonb) AS x(id text, story text) WHERE c.article_id = x.id`,
      [json],
    );
    await tx.query(
      `UPDATE articles a SET story_id = x.story FROM jsonb_to_recordset($1::jsonb) AS x(id text, story text) WHERE a.id = x.id`,
      [json],
    );
    // A story's title is its first article's: the stories an article left or joined are retitled from what they hold.
    const involved = [...new Set(moved.flatMap((m) => [m.story, m.from]))];
    await tx.query(
      `UPDATE stories s SET title = coalesce((SELECT a.title FROM articles a WHERE a.story_id = s.id ORDER BY a.ingested_seq LIMIT 1), s.title)
        WHERE s.id = ANY($1::text[])`,
      [involved],
    );
    await tx.query(
      `UPDATE topics t SET label = s.title FROM stories s WHERE s.topic_id = t.id AND t.label = '' AND s.title <> ''`,
    );
  }
  if (merges.length > 0) {
    // Every story of a merged topic follows it, also the ones the batch did not write (stories retired from the
    // clusterer's memory keep their rows): each merged topic to where its chain of merges ends.
    const into = new Map(merges.map((m) => [m.from, m.into]));
    const end = (t: string): string => {
      for (let k = 0; k < merges.length && into.has(t); k++) t = into.get(t)!;
      return t;
    };
    const pairs = [...into.keys()].map((from) => ({ from, to: end(from) }));
    await tx.query(
      `UPDATE stories s SET topic_id = x.to FROM jsonb_to_recordset($1::jsonb) AS x("from" text, "to" text) WHERE s.topic_id = x."from"`,
      [JSON.stringify(pairs)],
    );
    await tx.query(
      "DELETE FROM topics t WHERE t.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.topic_id = t.id)",
      [[...into.keys()]],
    );
  }
}

/** What one batch changed beyond its own placements, for the other processes' catch-up (migration 008). */
export interface LogEntry {
  stories: readonly string[];
  topics: readonly string[];
  merges: readonly { from: string; into: string }[];
  moved: readonly { id: string; story: string }[];
  /** The batch's document-frequency counts: documents, and per term and per entity the documents having it. */
  df: LogDf;
}

export interface LogDf {
  n: number;
  t: [string, number][];
  e: [string, number][];
}

/** The document-frequency counts a batch's placements added. */
export function batchDf(placed: readonly Placement[]): LogDf {
  const t = new Map<string, number>();
  const e = new Map<string, number>();
  for (const p of placed) {
    for (const x of p.observed.terms) t.set(x, (t.get(x) ?? 0) + 1);
    for (const x of p.observed.entities) e.set(x, (e.get(x) ?? 0) + 1);
  }
  return { n: placed.length, t: [...t], e: [...e] };
}

/** Appends the batch's entry to `cluster_log`; returns its seq. */
export async function writeLog(tx: Sql, e: LogEntry): Promise<number> {
  const rows = await tx.query<{ seq: number }>(
    "INSERT INTO cluster_log (stories, topics, merges, moved, df) VALUES ($1::text[], $2::text[], $3::jsonb, $4::jsonb, $5::jsonb) RETURNING seq::float8 AS seq",
    [
      [...e.stories],
      [...e.topics],
      JSON.stringify(e.merges),
      JSON.stringify(e.moved.map((m) => ({ id: m.id, story: m.story }))),
      JSON.stringify(e.df),
    ],
  );
  return Number(rows[0]!.seq);
}

/** The highest `cluster_log` seq (0 when the log is empty). */
export async function maxLogSeq(sql: Sql): Promise<number> {
  const rows = await sql.query<{ m: number }>("SELECT coalesce(max(seq), 0)::float8 AS m FROM cluster_log");
  return Number(rows[0]?.m ?? 0);
}

/** Which of these articles the store has placements for (to notice a rolled-back batch). */
export async function placedIds(sql: Sql, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await sql.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM cluster_articles WHERE article_id = ANY($1::text[])",
    [ids],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Rebuilds the clusterer's memory from the store: topics and stories with their profiles, then every placed
 * article's dedup entry and features in ingest order (a page at a time). Returns the articles restored.
 */
export async function restore(sql: Sql, c: Clusterer, pageSize = 2000): Promise<number> {
  for (const t of await sql.query<{ id: string; data: { profile?: StoredProfile } }>(
    "SELECT id, data FROM topics ORDER BY id",
  )) {
    if (t.data.profile) c.restoreTopic(t.id, Profile.fromJSON(t.data.profile));
  }
  const stories = await sql.query<{ id: string; topic_id: string | null; data: { profile?: StoredProfile } }>(
    "SELECT id, topic_id, data FROM stories ORDER BY id",
  );
  for (const s of stories) {
    if (s.data.profile && s.topic_id) c.restoreStory(s.id, s.topic_id, Profile.fromJSON(s.data.profile));
  }
  const counted = await restoreCounts(sql, c);
  let after = 0;
  let n = 0;
  for (;;) {
    const rows = await placementsAfter(sql, after, pageSize);
    for (const r of rows) restorePlacement(c, r, counted);
    n += rows.length;
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || last === undefined) break;
    after = Number(last.seq);
  }
  // The stories still small enough to revise, most recently started last (the engine keeps the latest ones).
  const small = await sql.query<{ story_id: string }>(
    `SELECT story_id FROM (SELECT story_id, min(seq) AS first FROM cluster_articles GROUP BY story_id HAVING count(*) < $1
                            ORDER BY first DESC LIMIT $2) s ORDER BY first`,
    [c.config.revision.storyMembers, c.config.revision.storiesKept],
  );
  await restoreMembersOf(
    sql,
    c,
    small.map((r) => r.story_id),
  );
  return n;
}

/** A stored placement, as restore and catch-up read it back. */
export interface PlacementRow {
  seq: number;
  article_id: string;
  story_id: string;
  exact_key: string;
  signature: string;
  shingles: number;
  features: StoredFeatures;
  duplicate_of: string | null;
}

/** The placements after `after` (a `cluster_articles.seq`), in seq order; at most `limit` when given. */
export async function placementsAfter(sql: Sql, after: number, limit?: number): Promise<PlacementRow[]> {
  return sql.query<PlacementRow>(
    `SELECT c.seq::float8 AS seq, c.article_id, c.story_id, c.exact_key, c.signature, c.shingles, c.features, a.duplicate_of
       FROM cluster_articles c JOIN articles a ON a.id = c.article_id
      WHERE c.seq > $1 ORDER BY c.seq${limit === undefined ? "" : " LIMIT $2"}`,
    limit === undefined ? [after] : [after, limit],
  );
}

/** One stored placement back into memory: its dedup entry, story link and (unless `counted`) its frequencies. */
export function restorePlacement(c: Clusterer, r: PlacementRow, counted: boolean): void {
  const f = fromStored(r.article_id, r.features);
  const entry = {
    id: r.article_id,
    exactKey: r.exact_key,
    sig: decodeSignature(r.signature),
    shingles: r.shingles,
    day: f.day,
    seq: Number(r.seq),
  };
  c.restoreArticle(entry, r.story_id, r.duplicate_of, f, counted);
}

/**
 * The document frequencies as the batches counted them (`cluster_log.df`), when the log covers every placement;
 * false (nothing applied) for a store written before the log carried them, whose articles then count from features.
 */
async function restoreCounts(sql: Sql, c: Clusterer): Promise<boolean> {
  const cover = await sql.query<{ missing: number; n: number; placed: number }>(
    `SELECT (SELECT count(*) FROM cluster_log WHERE df IS NULL)::int AS missing,
            (SELECT coalesce(sum((df->>'n')::int), 0) FROM cluster_log)::int AS n,
            (SELECT count(*) FROM cluster_articles)::int AS placed`,
  );
  const k = cover[0];
  if (k === undefined || k.missing > 0 || k.n !== k.placed || k.placed === 0) return false;
  for (let after = 0; ;) {
    const rows = await sql.query<{ seq: number; df: LogDf }>(
      "SELECT seq::float8 AS seq, df FROM cluster_log WHERE seq > $1 ORDER BY seq LIMIT 500",
      [after],
    );
    for (const r of rows) c.observeCounts(r.df.t, r.df.e, r.df.n);
    if (rows.length < 500) return true;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

/** The members of these stories, in placement order, as the store holds them now: they become revisable here. */
export async function restoreMembersOf(sql: Sql, c: Clusterer, storyIds: readonly string[]): Promise<void> {
  if (storyIds.length === 0) return;
  const rows = await sql.query<{ story_id: string; article_id: string; features: StoredFeatures }>(
    "SELECT story_id, article_id, features FROM cluster_articles WHERE story_id = ANY($1::text[]) ORDER BY seq",
    [[...storyIds]],
  );
  const by = new Map<string, ArticleFeatures[]>(storyIds.map((id) => [id, []]));
  for (const r of rows) by.get(r.story_id)?.push(fromStored(r.article_id, r.features));
  for (const [id, members] of by) c.restoreMembers(id, members);
}
