import { RasdError } from "../../core/errors.js";
import type { Sql } from "../../store/sql.js";
import { listTopics as readTopics, type StoryRef } from "../../store/read/index.js";

export interface TopicCard {
  id: string;
  label: string;
  stories: StoryRef[];
}

/** Topics with their stories, in the read model's one order (as `rasd topics` lists them). */
export async function listTopics(sql: Sql, opts: { limit: number; offset: number; id?: string }): Promise<TopicCard[]> {
  return (await readTopics(sql, opts)).map((t) => ({ id: t.id, label: t.label, stories: t.stories }));
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
