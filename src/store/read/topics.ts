import type { Sql } from "../sql.js";
import { storiesOfTopics, type StoryRef } from "./stories.js";

/**
 * The topics read model: `rasd topics`, the topics page and `/api/topics` list the same topics in the same order,
 * each with its stories in the stories' own order (STORY_ORDER).
 */
export interface TopicListItem {
  id: string;
  label: string;
  /** Its stories' earliest and latest dates. */
  firstDate: string | null;
  lastDate: string | null;
  articles: number;
  stories: StoryRef[];
}

/** The one order of topics: the most recently active first (undated last), then the biggest, then by id. */
const TOPIC_ORDER = `max(s.last_date) DESC NULLS LAST, coalesce(sum(s.article_count), 0) DESC, t.id`;

/** A page of topics in TOPIC_ORDER (or the one topic `id`), each with its stories. */
export async function listTopics(
  sql: Sql,
  opts: { limit: number; offset?: number | undefined; id?: string | undefined },
): Promise<TopicListItem[]> {
  const rows = await sql.query<{ id: string; label: string; first: string | null; last: string | null; n: number }>(
    `SELECT t.id, t.label, min(s.first_date) AS "first", max(s.last_date) AS "last",
            coalesce(sum(s.article_count), 0)::int AS n
       FROM topics t LEFT JOIN stories s ON s.topic_id = t.id
      WHERE ($3::text IS NULL OR t.id = $3)
      GROUP BY t.id, t.label ORDER BY ${TOPIC_ORDER} LIMIT $1 OFFSET $2`,
    [opts.limit, opts.offset ?? 0, opts.id ?? null],
  );
  const stories = await storiesOfTopics(
    sql,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    firstDate: r.first,
    lastDate: r.last,
    articles: Number(r.n),
    stories: stories.get(r.id) ?? [],
  }));
}
