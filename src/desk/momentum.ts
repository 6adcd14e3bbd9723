import type { Sql } from "../store/sql.js";

/** How a story grew: in the recent window, and before it. Times are arrival times at the desk (ingested_at). */
export interface Growth {
  /** Articles that arrived in the window. */
  recent: number;
  /** Outlets first seen in the story during the window. */
  newOutlets: number;
  /** Articles that arrived before the window. */
  earlier: number;
  /** Hours from the story's first article to the start of the window (0 for a story born in it). */
  earlierHours: number;
}

export interface Momentum {
  id: string;
  title: string;
  articles: number;
  outlets: number;
  score: number;
  growth: Growth;
  /** One line saying where the score comes from, shown on hover. */
  why: string;
}

/** The recent window, in hours. */
export const WINDOW_HOURS = 3;

/**
 * The burst score: what arrived in the window (articles, and new outlets counted twice: another newsroom taking up a
 * story says more than one outlet's updates) against what the story's own earlier rate would have brought in a
 * window of the same length. A story that stopped growing scores 0 however large; a new story with five outlets in
 * an hour scores high; a steady story scores about its usual rate over itself, near 1.
 */
export function burstScore(g: Growth, windowHours = WINDOW_HOURS): number {
  const signal = g.recent + 2 * g.newOutlets;
  if (signal === 0) return 0;
  // The earlier rate over at least one window: a story born an hour before the window is not "steady" yet.
  const expected = g.earlier === 0 ? 0 : (g.earlier / Math.max(g.earlierHours, windowHours)) * windowHours;
  return signal / (1 + expected);
}

export function explain(g: Growth, windowHours = WINDOW_HOURS): string {
  const rate =
    g.earlier === 0
      ? "new in this window"
      : `${((g.earlier / Math.max(g.earlierHours, windowHours)) * windowHours).toFixed(1)} per ${windowHours} h before`;
  return `${g.recent} articles and ${g.newOutlets} new outlets in the last ${windowHours} h, against ${rate}`;
}

interface Row {
  id: string;
  title: string;
  recent: number;
  earlier: number;
  outlets: number;
  earlier_outlets: number;
  articles: number;
  first_ms: number;
}

/**
 * The stories that grew in the last window, by burst score (highest first), ties by what arrived. `nowMs` is the
 * desk's clock (a test or a replay may set it).
 */
export async function breakingStories(
  sql: Sql,
  opts: { limit?: number; nowMs?: number; windowHours?: number } = {},
): Promise<Momentum[]> {
  const windowHours = opts.windowHours ?? WINDOW_HOURS;
  const now = opts.nowMs ?? Date.now();
  const cut = now - windowHours * 3_600_000;
  const rows = await sql.query<Row>(
    `WITH grown AS (
       SELECT DISTINCT story_id FROM articles
       WHERE ingested_at > to_timestamp($1 / 1000.0) AND ingested_at <= to_timestamp($2 / 1000.0) AND story_id IS NOT NULL)
     SELECT s.id, s.title,
       count(*) FILTER (WHERE a.ingested_at > to_timestamp($1 / 1000.0))::int AS recent,
       count(*) FILTER (WHERE a.ingested_at <= to_timestamp($1 / 1000.0))::int AS earlier,
       count(DISTINCT a.outlet)::int AS outlets,
       count(DISTINCT a.outlet) FILTER (WHERE a.ingested_at <= to_timestamp($1 / 1000.0))::int AS earlier_outlets,
       count(*)::int AS articles,
       (extract(epoch FROM min(a.ingested_at)) * 1000)::float8 AS first_ms
     FROM grown g JOIN stories s ON s.id = g.story_id JOIN articles a ON a.story_id = g.story_id
     WHERE a.ingested_at <= to_timestamp($2 / 1000.0)
     GROUP BY s.id, s.title`,
    [cut, now],
  );
  const out = rows.map((r): Momentum => {
    const growth: Growth = {
      recent: Number(r.recent),
      newOutlets: Number(r.outlets) - Number(r.earlier_outlets),
      earlier: Number(r.earlier),
      earlierHours: Math.max(0, (cut - Number(r.first_ms)) / 3_600_000),
    };
    return {
      id: r.id,
      title: r.title,
      articles: Number(r.articles),
      outlets: Number(r.outlets),
      score: burstScore(growth, windowHours),
      growth,
      why: explain(growth, windowHours),
    };
  });
  out.sort((a, b) => b.score - a.score || b.growth.recent - a.growth.recent || a.id.localeCompare(b.id));
  return out.slice(0, opts.limit ?? 50);
}
