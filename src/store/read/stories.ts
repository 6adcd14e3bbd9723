import type { Article } from "../../core/types.js";
import type { Sql } from "../sql.js";

/**
 * The stories read model: every reader of stored stories (`rasd stories`, the river and `/api/stories`, topic and
 * entity pages, `rasd story` and the story page) goes through here, so they list the same stories in the same order
 * with the same dates. A story's dates are its articles' stored dates (`articles.published`, after the story-level
 * inference the clustering stores), kept on the story row as `first_date`/`last_date`.
 */

/** One story as every list shows it. */
export interface StoryListItem {
  id: string;
  title: string;
  topic: string | null;
  firstDate: string | null;
  lastDate: string | null;
  articles: number;
  /** Its articles' outlets, the most frequent first. */
  outlets: string[];
  /** Articles that are copies of another. */
  copies: number;
}

/**
 * The one order of stories: the most recent last date first (undated last), then the biggest, then by id (a
 * total order, so pages never repeat or skip a story).
 */
export const STORY_ORDER = "s.last_date DESC NULLS LAST, s.article_count DESC, s.id";

interface StoryRow {
  id: string;
  title: string;
  topic: string | null;
  first: string | null;
  last: string | null;
  n: number;
}

const STORY_COLUMNS =
  's.id, s.title, s.topic_id AS topic, s.first_date AS "first", s.last_date AS "last", s.article_count AS n';

export async function countStories(sql: Sql): Promise<number> {
  const [r] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM stories");
  return Number(r?.n ?? 0);
}

/** A page of stored stories in STORY_ORDER, with their outlets and copies (read for the whole page at once). */
export async function listStories(
  sql: Sql,
  opts: { limit: number; offset?: number | undefined; topic?: string | undefined },
): Promise<StoryListItem[]> {
  const rows = await sql.query<StoryRow>(
    `SELECT ${STORY_COLUMNS} FROM stories s
      WHERE ($3::text IS NULL OR s.topic_id = $3)
      ORDER BY ${STORY_ORDER} LIMIT $1 OFFSET $2`,
    [opts.limit, opts.offset ?? 0, opts.topic ?? null],
  );
  const members = await storyMembers(
    sql,
    rows.map((r) => r.id),
  );
  const outlets = outletsOf(members);
  const copies = new Map<string, number>();
  for (const m of members) if (m.dup !== null) copies.set(m.story, (copies.get(m.story) ?? 0) + 1);
  return rows.map((r) => ({ ...storyOf(r), outlets: outlets.get(r.id) ?? [], copies: copies.get(r.id) ?? 0 }));
}

/** A story row in the list's shape. */
function storyOf(r: StoryRow): Omit<StoryListItem, "outlets" | "copies"> {
  return { id: r.id, title: r.title, topic: r.topic, firstDate: r.first, lastDate: r.last, articles: Number(r.n) };
}

/** One story's row (no articles), or null when there is no such story. */
export async function getStoryRow(
  sql: Sql,
  id: string,
): Promise<(Omit<StoryListItem, "outlets" | "copies"> & { updatedAt: string }) | null> {
  const [r] = await sql.query<StoryRow & { updated: string }>(
    `SELECT ${STORY_COLUMNS}, s.updated_at::text AS updated FROM stories s WHERE s.id = $1`,
    [id],
  );
  return r === undefined ? null : { ...storyOf(r), updatedAt: r.updated };
}

/** A story in a list of some other aggregate (a topic's stories, an entity's stories). */
export interface StoryRef {
  id: string;
  title: string;
  from: string | null;
  to: string | null;
  articles: number;
}

/** The stories of these topics, each topic's in STORY_ORDER. */
export async function storiesOfTopics(sql: Sql, topicIds: readonly string[]): Promise<Map<string, StoryRef[]>> {
  const by = new Map<string, StoryRef[]>(topicIds.map((t) => [t, []]));
  if (topicIds.length === 0) return by;
  const rows = await sql.query<StoryRow>(
    `SELECT ${STORY_COLUMNS} FROM stories s WHERE s.topic_id = ANY($1::text[]) ORDER BY ${STORY_ORDER}`,
    [[...topicIds]],
  );
  for (const r of rows)
    by.get(r.topic ?? "")?.push({ id: r.id, title: r.title, from: r.first, to: r.last, articles: Number(r.n) });
  return by;
}

/** The stories these articles belong to, with how many of the articles each holds, oldest first. */
export async function storiesOfArticles(sql: Sql, articleIds: readonly string[], limit = 200): Promise<StoryRef[]> {
  if (articleIds.length === 0) return [];
  const rows = await sql.query<StoryRef>(
    `SELECT s.id, s.title, s.first_date AS "from", s.last_date AS "to", count(*)::int AS articles
       FROM articles a JOIN stories s ON s.id = a.story_id
      WHERE a.id = ANY($1::text[]) GROUP BY s.id, s.title, s.first_date, s.last_date
      ORDER BY s.first_date NULLS LAST, s.id LIMIT $2`,
    [[...articleIds], limit],
  );
  return rows.map((r) => ({ ...r, articles: Number(r.articles) }));
}

/** A story's stored articles (with their stored dates) and copy links, in ingest order; empty when none. */
export async function storyArticles(
  sql: Sql,
  id: string,
): Promise<{ articles: Article[]; duplicateOf: Map<string, string | null> }> {
  const rows = await sql.query<{ doc: Article; dup: string | null }>(
    "SELECT doc, duplicate_of AS dup FROM articles WHERE story_id = $1 ORDER BY ingested_seq",
    [id],
  );
  return { articles: rows.map((r) => r.doc), duplicateOf: new Map(rows.map((r) => [r.doc.id, r.dup])) };
}

export interface StoryTopic {
  id: string;
  label: string;
}

export async function topicOfStory(sql: Sql, storyId: string): Promise<StoryTopic | null> {
  const [r] = await sql.query<StoryTopic>(
    "SELECT t.id, t.label FROM stories s JOIN topics t ON t.id = s.topic_id WHERE s.id = $1",
    [storyId],
  );
  return r ?? null;
}

/** An article of a listed story: the river is built from index lookups only (articles by story). */
export interface StoryMember {
  id: string;
  story: string;
  outlet: string | null;
  dup: string | null;
}

/**
 * The articles of the listed stories, by the story index. Joins over whole tables were the slow part of the
 * river; these are index lookups.
 */
export async function storyMembers(sql: Sql, ids: readonly string[]): Promise<StoryMember[]> {
  if (ids.length === 0) return [];
  return sql.query<StoryMember>(
    "SELECT id, story_id AS story, outlet, duplicate_of AS dup FROM articles WHERE story_id = ANY($1::text[])",
    [[...ids]],
  );
}

/** Each story's outlets, the most frequent first (ties by name). */
function outletsOf(members: readonly StoryMember[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const m of members) {
    if (m.outlet === null) continue;
    const c = counts.get(m.story) ?? new Map<string, number>();
    c.set(m.outlet, (c.get(m.outlet) ?? 0) + 1);
    counts.set(m.story, c);
  }
  const out = new Map<string, string[]>();
  for (const [story, c] of counts)
    out.set(
      story,
      [...c.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([o]) => o),
    );
  return out;
}
