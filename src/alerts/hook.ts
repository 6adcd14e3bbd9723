import type { Article } from "../core/types.js";
import type { IngestHook } from "../store/hooks.js";
import type { Sql } from "../store/sql.js";
import { compile } from "./match.js";
import { listWatchlists, type Watchlist } from "./watchlists.js";

let cache: { key: string; match: (a: Article) => Watchlist[] } | undefined;

/** The watchlists' tests, compiled again only when the watchlists changed. */
async function matcher(tx: Sql): Promise<((a: Article) => Watchlist[]) | undefined> {
  const lists = await listWatchlists(tx);
  if (lists.length === 0) return undefined;
  const key = JSON.stringify(lists.map((w) => [w.id, w.kind, w.value]));
  if (cache?.key !== key) cache = { key, match: compile(lists) };
  return cache.match;
}

/**
 * Raises an alert for each outlet a followed story gains: for every article of the batch whose story a watchlist
 * already follows (it raised that watchlist's story alert), from an outlet none of the story's earlier articles
 * came from (earlier in arrival order, `ingested_seq`), one row per (watchlist, story, outlet). Several copies from
 * the same new outlet, in one batch or in several, give one row: the first by arrival order, later ones conflict.
 * The outlets the story had when its alert was raised are not new. Articles without an outlet raise nothing: an
 * outlet that cannot be named cannot be told apart from the story's others.
 */
async function newOutlets(tx: Sql, articles: readonly Article[], nowMs: number): Promise<void> {
  // Driven from the batch (= ANY of an array: index scans whatever the planner's statistics say), then the alerts
  // of those stories only, then the first article of each outlet in those stories only: the cost follows the
  // batch and its followed stories, not the size of the store. An article is a new outlet's if it is the first of
  // its outlet in its story and came after the story's alert.
  await tx.query(
    `WITH batch AS MATERIALIZED (
       SELECT id, story_id, outlet, ingested_seq FROM articles
       WHERE id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))
         AND story_id IS NOT NULL AND outlet IS NOT NULL AND outlet <> ''
     ), followed AS MATERIALIZED (
       SELECT al.watchlist_id, al.story_id, raised.ingested_seq AS raised_seq
       FROM desk_alerts al JOIN articles raised ON raised.id = al.article_id
       WHERE al.story_id = ANY (ARRAY(SELECT story_id FROM batch)) AND al.new_outlet = ''
     ), firsts AS MATERIALIZED (
       SELECT story_id, outlet, min(ingested_seq) AS first_seq FROM articles
       WHERE story_id = ANY (ARRAY(SELECT story_id FROM followed)) AND outlet IS NOT NULL
       GROUP BY story_id, outlet
     )
     INSERT INTO desk_alerts (watchlist_id, story_id, article_id, created_ms, new_outlet)
     SELECT f.watchlist_id, b.story_id, b.id, $2, b.outlet
     FROM batch b
     JOIN followed f ON f.story_id = b.story_id AND b.ingested_seq > f.raised_seq
     JOIN firsts x ON x.story_id = b.story_id AND x.outlet = b.outlet AND x.first_seq = b.ingested_seq
     ORDER BY b.ingested_seq, f.watchlist_id
     ON CONFLICT (watchlist_id, story_id, new_outlet) DO NOTHING`,
    [JSON.stringify(articles.map((a) => a.id)), nowMs],
  );
}

/**
 * Raises the alerts a batch causes, inside the batch's transaction and after the clustering (it needs each
 * article's story). Two kinds, each inserted with ON CONFLICT DO NOTHING on (watchlist, story, new outlet):
 * - a story alert (new_outlet ''): the first article of a story that matches a watchlist; so a story raises one
 *   per watchlist however many copies and articles it gathers;
 * - an outlet alert: each outlet a story already alerted for that watchlist gains afterwards (newOutlets).
 * A crash before COMMIT loses the articles and their alerts together, and the re-run raises them once; a crash after
 * keeps both, and nothing is raised again.
 */
export const alertsHook: IngestHook = {
  name: "alerts",
  async run(tx, articles) {
    if (articles.length === 0) return;
    const match = await matcher(tx);
    if (match === undefined) return;
    const now = Date.now();
    const hits: { watchlist: string; article: string }[] = [];
    for (const a of articles) for (const w of match(a)) hits.push({ watchlist: w.id, article: a.id });
    if (hits.length > 0)
      await tx.query(
        `INSERT INTO desk_alerts (watchlist_id, story_id, article_id, created_ms)
         SELECT h.watchlist, a.story_id, h.article, $2
         FROM jsonb_to_recordset($1::jsonb) AS h(watchlist text, article text)
         JOIN articles a ON a.id = h.article
         WHERE a.story_id IS NOT NULL
         ORDER BY a.ingested_seq
         ON CONFLICT (watchlist_id, story_id, new_outlet) DO NOTHING`,
        [JSON.stringify(hits), now],
      );
    await newOutlets(tx, articles, now);
  },
};
