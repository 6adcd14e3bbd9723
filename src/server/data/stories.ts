import { RasdError } from "../../core/errors.js";
import type { Story } from "../../core/types.js";
import type { Sql } from "../../store/sql.js";
import {
  getStoryRow,
  lastIngested,
  listStories as readStories,
  storyMembers,
  topEntitiesOf,
} from "../../store/read/index.js";
import { storedStory } from "../../summarize/stored.js";
import { Lru } from "./lru.js";

export { countStories, topicOfStory, type StoryTopic } from "../../store/read/index.js";

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

/**
 * The river: stories in the read model's one order (as `rasd stories` lists them), each card with its outlets and
 * its top entities.
 */
export async function listStories(
  sql: Sql,
  opts: { limit: number; offset: number; topic?: string | undefined },
): Promise<StoryCard[]> {
  const key = `${await lastIngested(sql)}\u0000${opts.limit}\u0000${opts.offset}\u0000${opts.topic ?? ""}`;
  const cache = cachesOf(sql).river;
  const hit = cache.get(key);
  if (hit !== undefined && Date.now() - hit.at < RIVER_TTL_MS) return hit.cards;
  const cards = await riverCards(sql, opts);
  cache.set(key, { at: Date.now(), cards });
  return cards;
}

async function riverCards(
  sql: Sql,
  opts: { limit: number; offset: number; topic?: string | undefined },
): Promise<StoryCard[]> {
  const rows = await readStories(sql, opts);
  const members = await storyMembers(
    sql,
    rows.map((r) => r.id),
  );
  const entities = await topEntitiesOf(sql, members, 5);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    topic: r.topic,
    span: { from: r.firstDate, to: r.lastDate },
    articles: r.articles,
    outlets: r.outlets,
    entities: entities.get(r.id) ?? [],
  }));
}

/** A story page's Story, summarised on demand and kept while the story does not change (its row's updated_at). */
export async function getStory(sql: Sql, id: string, words: number): Promise<Story> {
  const row = await getStoryRow(sql, id);
  if (row === null)
    throw new RasdError("NOT_FOUND", `no story with id "${id}"; list stories with GET /api/stories`, {
      input: id,
      ar: "لا توجد قصة بهذا المعرّف؛ قائمة القصص في الصفحة الرئيسية.",
    });
  const cache = cachesOf(sql).stories;
  const key = `${id}\u0000${row.updatedAt}\u0000${row.articles}\u0000${words}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // Every quote of every speaker: the page shows the key ones and folds the rest behind "show all".
  const story = await storedStory(sql, id, { words, quotesPerSpeaker: Infinity });
  cache.set(key, story);
  return story;
}
