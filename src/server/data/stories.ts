import { RasdError } from "../../core/errors.js";
import type { Article, Story } from "../../core/types.js";
import type { Sql } from "../../store/sql.js";
import { summarizeStory } from "../../summarize/story.js";
import { Lru } from "./lru.js";

/** One line of the river: what a reader needs to decide whether to open the story. */
export interface StoryCard {
  id: string;
  title: string;
  topic: string | null;
  span: { from: string | null; to: string | null };
  articles: number;
  outlets: string[];
  entities: Array<{ id: string; name: string; type: string; articles: number }>;
}

interface StoryRow {
  id: string;
  title: string;
  topic_id: string | null;
  first_date: string | null;
  last_date: string | null;
  article_count: number;
  updated: string;
}

export async function countStories(sql: Sql): Promise<number> {
  const [r] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM stories");
  return Number(r?.n ?? 0);
}

/**
 * Stories, newest first and, on the same day, biggest first. Each card carries its outlets and its top entities,
 * read for the whole page in two queries (not one per story).
 */
export async function listStories(sql: Sql, opts: { limit: number; offset: number; topic?: string | undefined }): Promise<StoryCard[]> {
  const rows = await sql.query<StoryRow>(
    `SELECT id, title, topic_id, first_date, last_date, article_count, updated_at::text AS updated FROM stories
      WHERE ($3::text IS NULL OR topic_id = $3)
      ORDER BY last_date DESC NULLS LAST, article_count DESC, id LIMIT $1 OFFSET $2`,
    [opts.limit, opts.offset, opts.topic ?? null],
  );
  const ids = rows.map((r) => r.id);
  const outlets = await outletsOf(sql, ids);
  const entities = await topEntitiesOf(sql, ids, 5);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    topic: r.topic_id,
    span: { from: r.first_date, to: r.last_date },
    articles: Number(r.article_count),
    outlets: outlets.get(r.id) ?? [],
    entities: entities.get(r.id) ?? [],
  }));
}

async function outletsOf(sql: Sql, ids: readonly string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ story: string; outlet: string }>(
    `SELECT story_id AS story, outlet, count(*) AS n FROM articles
      WHERE story_id = ANY($1::text[]) AND outlet IS NOT NULL GROUP BY story_id, outlet ORDER BY story_id, n DESC, outlet`,
    [ids],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.story, [...(out.get(r.story) ?? []), r.outlet]);
  return out;
}

/**
 * The most mentioned entities of each story: from the entity registry's links when the store has them, else from
 * the entities annotated on the articles themselves (a store filled before the registry was persisted).
 */
async function topEntitiesOf(sql: Sql, ids: readonly string[], per: number): Promise<Map<string, StoryCard["entities"]>> {
  if (ids.length === 0) return new Map();
  const [reg] = await sql.query<{ has: boolean }>("SELECT EXISTS (SELECT 1 FROM article_entities) AS has");
  const rows = await sql.query<{ story: string; id: string; name: string; type: string; n: number }>(
    reg?.has === true
      ? `SELECT a.story_id AS story, e.id, e.name, e.type, count(*)::int AS n
           FROM articles a JOIN article_entities ae ON ae.article_id = a.id JOIN entities e ON e.id = ae.entity_id
          WHERE a.story_id = ANY($1::text[]) GROUP BY a.story_id, e.id, e.name, e.type
          ORDER BY a.story_id, n DESC, e.name`
      : `SELECT a.story_id AS story, x->>'id' AS id, min(x->>'name') AS name, min(x->>'type') AS type, count(DISTINCT a.id)::int AS n
           FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.doc->'entities') AS x
          WHERE a.story_id = ANY($1::text[]) GROUP BY a.story_id, x->>'id'
          ORDER BY a.story_id, n DESC, name`,
    [ids],
  );
  const out = new Map<string, StoryCard["entities"]>();
  for (const r of rows) {
    const list = out.get(r.story) ?? [];
    if (list.length < per) list.push({ id: r.id, name: r.name, type: r.type, articles: Number(r.n) });
    out.set(r.story, list);
  }
  return out;
}

/** A story's stored articles with their copy links, in ingest order. */
export async function storyArticles(sql: Sql, id: string): Promise<{ articles: Article[]; duplicateOf: Map<string, string | null> }> {
  const rows = await sql.query<{ doc: Article; dup: string | null }>(
    "SELECT doc, duplicate_of AS dup FROM articles WHERE story_id = $1 ORDER BY ingested_seq",
    [id],
  );
  return { articles: rows.map((r) => r.doc), duplicateOf: new Map(rows.map((r) => [r.doc.id, r.dup])) };
}

/** Story pages are summarised on demand and kept while the story does not change (its row's updated_at). */
const cache = new Lru<string, Story>(200);

export async function getStory(sql: Sql, id: string, words: number): Promise<Story> {
  const [row] = await sql.query<StoryRow>(
    "SELECT id, title, topic_id, first_date, last_date, article_count, updated_at::text AS updated FROM stories WHERE id = $1",
    [id],
  );
  if (row === undefined) throw new RasdError("NOT_FOUND", `no story with id "${id}"; list stories with GET /api/stories`, { input: id });
  const key = `${id}\u0000${row.updated}\u0000${row.article_count}\u0000${words}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const { articles, duplicateOf } = await storyArticles(sql, id);
  if (articles.length === 0) throw new RasdError("NOT_FOUND", `the story "${id}" has no stored articles`, { input: id });
  const story = summarizeStory(articles, { id, words, duplicateOf });
  cache.set(key, story);
  return story;
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

/** Articles per publication day of a story, for its chart (undated articles are not drawn). */
export async function storyDays(sql: Sql, id: string): Promise<Array<{ day: string; n: number }>> {
  const rows = await sql.query<{ day: string; n: number }>(
    `SELECT substr(published, 1, 10) AS day, count(*)::int AS n FROM articles
      WHERE story_id = $1 AND published IS NOT NULL AND length(published) >= 10 GROUP BY 1 ORDER BY 1`,
    [id],
  );
  return rows.map((r) => ({ day: r.day, n: Number(r.n) }));
}
