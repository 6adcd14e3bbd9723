import { inputLabel } from "../../core/label.js";
import type { Clusters } from "../../core/types.js";
import type { Sql } from "../sql.js";

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
