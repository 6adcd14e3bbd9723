import { RasdError } from "../../core/errors.js";
import type { Sql } from "../../store/sql.js";

export interface TopicCard {
  id: string;
  label: string;
  stories: Array<{ id: string; title: string; from: string | null; to: string | null; articles: number }>;
}

/** Topics with their stories, the most recently active topic first. */
export async function listTopics(sql: Sql, opts: { limit: number; offset: number; id?: string }): Promise<TopicCard[]> {
  const topics = await sql.query<{ id: string; label: string }>(
    `SELECT t.id, t.label FROM topics t LEFT JOIN stories s ON s.topic_id = t.id
      WHERE ($3::text IS NULL OR t.id = $3)
      GROUP BY t.id, t.label ORDER BY max(s.last_date) DESC NULLS LAST, t.id LIMIT $1 OFFSET $2`,
    [opts.limit, opts.offset, opts.id ?? null],
  );
  if (topics.length === 0) return [];
  const stories = await sql.query<{
    topic: string;
    id: string;
    title: string;
    from: string | null;
    to: string | null;
    n: number;
  }>(
    `SELECT topic_id AS topic, id, title, first_date AS "from", last_date AS "to", article_count AS n FROM stories
      WHERE topic_id = ANY($1::text[]) ORDER BY last_date DESC NULLS LAST, article_count DESC, id`,
    [topics.map((t) => t.id)],
  );
  const by = new Map<string, TopicCard["stories"]>();
  for (const s of stories)
    by.set(s.topic, [
      ...(by.get(s.topic) ?? []),
      { id: s.id, title: s.title, from: s.from, to: s.to, articles: Number(s.n) },
    ]);
  return topics.map((t) => ({ id: t.id, label: t.label, stories: by.get(t.id) ?? [] }));
}

export async function getTopic(sql: Sql, id: string): Promise<TopicCard> {
  const [t] = await listTopics(sql, { limit: 1, offset: 0, id });
  if (t === undefined)
    throw new RasdError("NOT_FOUND", `no topic with id "${id}"; list topics with GET /api/topics`, {
      input: id,
      ar: "لا يوجد موضوع بهذا المعرّف؛ قائمة المواضيع في صفحة المواضيع.",
    });
  return t;
}
