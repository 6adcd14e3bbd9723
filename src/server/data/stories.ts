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
 * read for the whole page at once (not per story).
 */
/** Caches per store (a process may serve or test several): summaries and river pages. */
interface Caches {
  stories: Lru<string, Story>;
  river: Lru<string, { at: number; cards: StoryCard[] }>;
}
const caches = new WeakMap<Sql, Caches>();

function cachesOf(sql: Sql): Caches {
  let c = caches.get(sql);
  if (c === undefined) {
    c = { stories: new Lru(200), river: new Lru(50) };
    caches.set(sql, c);
  }
  return c;
}

/**
 * A river page is reused while no article has been stored since (stories change only when articles arrive), and
 * for at most RIVER_TTL_MS (clustering may also regroup stored articles later). The river is the most visited
 * page and the embedded store runs one query at a time.
 */
const RIVER_TTL_MS = 10_000;

export async function listStories(
  sql: Sql,
  opts: { limit: number; offset: number; topic?: string | undefined },
): Promise<StoryCard[]> {
  const [v] = await sql.query<{ v: string | null }>("SELECT max(ingested_seq)::text AS v FROM articles");
  const key = `${v?.v ?? ""}\u0000${opts.limit}\u0000${opts.offset}\u0000${opts.topic ?? ""}`;
  const cache = cachesOf(sql).river;
  const hit = cache.get(key);
  if (hit !== undefined && Date.now() - hit.at < RIVER_TTL_MS) return hit.cards;
  const cards = await readStories(sql, opts);
  cache.set(key, { at: Date.now(), cards });
  return cards;
}

async function readStories(
  sql: Sql,
  opts: { limit: number; offset: number; topic?: string | undefined },
): Promise<StoryCard[]> {
  const rows = await sql.query<StoryRow>(
    `SELECT id, title, topic_id, first_date, last_date, article_count, updated_at::text AS updated FROM stories
      WHERE ($3::text IS NULL OR topic_id = $3)
      ORDER BY last_date DESC NULLS LAST, article_count DESC, id LIMIT $1 OFFSET $2`,
    [opts.limit, opts.offset, opts.topic ?? null],
  );
  const members = await storyMembers(
    sql,
    rows.map((r) => r.id),
  );
  const outlets = outletsOf(members);
  const entities = await topEntitiesOf(sql, members, 5);
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

interface Member {
  id: string;
  story: string;
  outlet: string | null;
}

/**
 * The articles of the listed stories, by the story index. The river is then built from index lookups only
 * (articles by story, links by article, entities by id); joins over the whole link table were the slow part.
 */
async function storyMembers(sql: Sql, ids: readonly string[]): Promise<Member[]> {
  if (ids.length === 0) return [];
  return sql.query<Member>("SELECT id, story_id AS story, outlet FROM articles WHERE story_id = ANY($1::text[])", [
    ids,
  ]);
}

/** Each story's outlets, the most frequent first. */
function outletsOf(members: readonly Member[]): Map<string, string[]> {
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

/**
 * The most mentioned entities of each story (by how many of its articles mention them): from the entity registry's
 * links when the store has them, else from the entities annotated on the articles themselves (a store filled before
 * the registry was persisted).
 */
async function topEntitiesOf(
  sql: Sql,
  members: readonly Member[],
  per: number,
): Promise<Map<string, StoryCard["entities"]>> {
  if (members.length === 0) return new Map();
  const storyOf = new Map(members.map((m) => [m.id, m.story]));
  const ids = [...storyOf.keys()];
  const [reg] = await sql.query<{ has: boolean }>("SELECT EXISTS (SELECT 1 FROM article_entities) AS has");
  const registry = reg?.has === true;
  type Link = { article: string; entity: string; name: string | null; type: string | null };
  const links = registry
    ? await sql.query<Link>(
        "SELECT article_id AS article, entity_id AS entity, NULL AS name, NULL AS type FROM article_entities WHERE article_id = ANY($1::text[])",
        [ids],
      )
    : await sql.query<Link>(
        `SELECT DISTINCT ON (a.id, x->>'id') a.id AS article, x->>'id' AS entity, x->>'name' AS name, x->>'type' AS type
         FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.doc->'entities') AS x WHERE a.id = ANY($1::text[])`,
        [ids],
      );
  const counts = new Map<string, Map<string, number>>();
  for (const l of links) {
    const story = storyOf.get(l.article);
    if (story === undefined) continue;
    const c = counts.get(story) ?? new Map<string, number>();
    c.set(l.entity, (c.get(l.entity) ?? 0) + 1);
    counts.set(story, c);
  }
  const top = new Map<string, Array<[string, number]>>();
  for (const [story, c] of counts)
    top.set(story, [...c.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, per));
  const wanted = [...new Set([...top.values()].flat().map(([e]) => e))];
  const info = new Map<string, { name: string; type: string }>();
  if (registry) for (const e of await entityInfo(sql, wanted)) info.set(e.id, e);
  else
    for (const l of links)
      if (l.name !== null && !info.has(l.entity)) info.set(l.entity, { name: l.name, type: l.type ?? "other" });
  const out = new Map<string, StoryCard["entities"]>();
  for (const [story, list] of top) {
    out.set(
      story,
      list.flatMap(([id, n]) => {
        const e = info.get(id);
        return e === undefined ? [] : [{ id, name: e.name, type: e.type, articles: n }];
      }),
    );
  }
  return out;
}

async function entityInfo(
  sql: Sql,
  ids: readonly string[],
): Promise<Array<{ id: string; name: string; type: string }>> {
  if (ids.length === 0) return [];
  return sql.query("SELECT id, name, type FROM entities WHERE id = ANY($1::text[])", [ids]);
}

/** A story's stored articles with their copy links, in ingest order. */
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

export async function getStory(sql: Sql, id: string, words: number): Promise<Story> {
  const [row] = await sql.query<StoryRow>(
    "SELECT id, title, topic_id, first_date, last_date, article_count, updated_at::text AS updated FROM stories WHERE id = $1",
    [id],
  );
  if (row === undefined)
    throw new RasdError("NOT_FOUND", `no story with id "${id}"; list stories with GET /api/stories`, {
      input: id,
      ar: "لا توجد قصة بهذا المعرّف؛ قائمة القصص في الصفحة الرئيسية.",
    });
  // Story pages are summarised on demand and kept while the story does not change (its row's updated_at).
  const cache = cachesOf(sql).stories;
  const key = `${id}\u0000${row.updated}\u0000${row.article_count}\u0000${words}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const { articles, duplicateOf } = await storyArticles(sql, id);
  if (articles.length === 0)
    throw new RasdError("NOT_FOUND", `the story "${id}" has no stored articles`, { input: id });
  // Every quote of every speaker: the page shows the key ones and folds the rest behind "show all".
  const story = summarizeStory(articles, { id, words, duplicateOf, quotesPerSpeaker: Infinity });
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
