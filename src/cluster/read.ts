import { inputLabel } from "../core/label.js";
import type { Clusters } from "../core/types.js";
import type { Sql } from "../store/sql.js";

/**
 * `{events, topics}` of DESIGN.md from the store: every clustered article in exactly one event (its story), every
 * event in exactly one topic. Events and topics are listed in the order their first article was ingested; an
 * event's articles by their path as given, in ingest order.
 */
export async function readClusters(sql: Sql): Promise<Clusters> {
  const rows = await sql.query<{
    path: string;
    record: number | null;
    story: string;
    title: string;
    topic: string;
    label: string;
  }>(
    `SELECT a.path, (a.doc->'source'->>'record')::int AS record, s.id AS story, s.title, t.id AS topic, t.label
       FROM articles a JOIN stories s ON s.id = a.story_id JOIN topics t ON t.id = s.topic_id
      ORDER BY a.ingested_seq`,
  );
  const events = new Map<string, { id: string; title: string; articles: string[] }>();
  const topics = new Map<string, { id: string; label: string; events: string[] }>();
  for (const r of rows) {
    let e = events.get(r.story);
    if (!e) {
      events.set(r.story, (e = { id: r.story, title: r.title, articles: [] }));
      let t = topics.get(r.topic);
      if (!t) topics.set(r.topic, (t = { id: r.topic, label: r.label, events: [] }));
      t.events.push(r.story);
    }
    e.articles.push(inputLabel(r));
  }
  return { events: [...events.values()], topics: [...topics.values()] };
}

export interface StoryListItem {
  id: string;
  title: string;
  topic: string | null;
  firstDate: string | null;
  lastDate: string | null;
  articles: number;
  /** Distinct outlets among its articles. */
  outlets: number;
  /** Articles that are copies of another. */
  copies: number;
}

/** Stored stories, newest first (by last date, then by most recent activity). */
export async function listStories(sql: Sql, opts: { limit: number; topic?: string }): Promise<StoryListItem[]> {
  const rows = await sql.query<{
    id: string;
    title: string;
    topic: string | null;
    first: string | null;
    last: string | null;
    n: number;
    outlets: number;
    copies: number;
  }>(
    `SELECT s.id, s.title, s.topic_id AS topic, s.first_date AS first, s.last_date AS last, s.article_count AS n,
            (SELECT count(DISTINCT a.outlet)::int FROM articles a WHERE a.story_id = s.id) AS outlets,
            (SELECT count(*)::int FROM articles a WHERE a.story_id = s.id AND a.duplicate_of IS NOT NULL) AS copies
       FROM stories s
      WHERE ($2::text IS NULL OR s.topic_id = $2)
      ORDER BY s.last_date DESC NULLS LAST, s.updated_at DESC, s.article_count DESC, s.id
      LIMIT $1`,
    [opts.limit, opts.topic ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    topic: r.topic,
    firstDate: r.first,
    lastDate: r.last,
    articles: Number(r.n),
    outlets: Number(r.outlets),
    copies: Number(r.copies),
  }));
}

export interface TopicListItem {
  id: string;
  label: string;
  firstDate: string | null;
  lastDate: string | null;
  stories: number;
  articles: number;
  /** Its largest stories, biggest first (at most 5). */
  top: { id: string; title: string; articles: number }[];
}

/** Stored topics, the most recently active first. */
export async function listTopics(sql: Sql, opts: { limit: number }): Promise<TopicListItem[]> {
  const rows = await sql.query<{
    id: string;
    label: string;
    first: string | null;
    last: string | null;
    stories: number;
    articles: number;
    top: { id: string; title: string; articles: number }[];
  }>(
    `SELECT t.id, t.label, min(s.first_date) AS first, max(s.last_date) AS last, count(s.id)::int AS stories,
            coalesce(sum(s.article_count), 0)::int AS articles,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('id', x.id, 'title', x.title, 'articles', x.article_count)), '[]'::jsonb)
               FROM (SELECT id, title, article_count FROM stories WHERE topic_id = t.id ORDER BY article_count DESC, id LIMIT 5) x) AS top
       FROM topics t JOIN stories s ON s.topic_id = t.id
      GROUP BY t.id, t.label
      ORDER BY max(s.last_date) DESC NULLS LAST, max(s.updated_at) DESC, t.id
      LIMIT $1`,
    [opts.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    firstDate: r.first,
    lastDate: r.last,
    stories: Number(r.stories),
    articles: Number(r.articles),
    top: r.top,
  }));
}
