import type { Article } from "../core/types.js";
import type { Sql } from "../store/sql.js";
import type { Clusterer } from "./engine.js";
import { articleDay, isoOfDay } from "./features.js";

/** The most placements a replay takes on (about 1.5 ms each); a larger backlog is restored from the stored results. */
export const REPLAY_MAX = 20_000;

export type ReplayResult = { ok: true; last: number } | { ok: false; why: "backlog" | "diverged" };

/**
 * Replays the placements other processes committed after `after` through this process's own engine, in commit
 * order, as if it had placed them itself: the memory then is exactly what one process placing every batch would
 * hold (profiles, document frequencies, revisable members, the index's lists in their order), so concurrent workers
 * decide as one worker would. Nothing is written: the decisions were stored by the processes that made them.
 *
 * Each replayed article is placed with the day it was placed with (a later inference across its story may have
 * dated the stored copy since). The replay is checked: every replayed article must end in the story the store
 * has it in; if one does not (the engine changed between the processes, say), the replay is refused and the
 * caller rebuilds from the store (the memory is then spoilt). Over `max` placements nothing is replayed.
 */
export async function replay(
  sql: Sql,
  c: Clusterer,
  after: number,
  nextSeq: () => number,
  max = REPLAY_MAX,
): Promise<ReplayResult> {
  const backlog = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM cluster_articles WHERE seq > $1", [
    after,
  ]);
  const n = Number(backlog[0]?.n ?? 0);
  if (n === 0) return { ok: true, last: after };
  if (n > max) return { ok: false, why: "backlog" };
  const rows = await sql.query<{ seq: number; story_id: string; day: number | null; doc: Article }>(
    `SELECT c.seq::float8 AS seq, c.story_id, (c.features->>'day')::float8 AS day, a.doc
       FROM cluster_articles c JOIN articles a ON a.id = c.article_id
      WHERE c.seq > $1 ORDER BY c.seq`,
    [after],
  );
  for (const r of rows) c.place(asPlaced(r.doc, r.day === null ? null : Number(r.day)), nextSeq());
  for (const r of rows) if (c.storyOf.get(r.doc.id) !== r.story_id) return { ok: false, why: "diverged" };
  return { ok: true, last: Number(rows[rows.length - 1]!.seq) };
}

/** The article with the day it was clustered with. */
function asPlaced(a: Article, day: number | null): Article {
  if (articleDay(a) === day) return a;
  const { crawled: _crawled, ...source } = a.source;
  return day === null
    ? { ...a, source, published: { ...a.published, date: null, precision: null } }
    : { ...a, published: { ...a.published, date: isoOfDay(day), precision: "day" } };
}
