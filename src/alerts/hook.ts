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
  await tx.query(
    `INSERT INTO desk_alerts (watchlist_id, story_id, article_id, created_ms, new_outlet)
     SELECT n.watchlist_id, n.story_id, n.id, $2, n.outlet
     FROM (
       SELECT DISTINCT ON (al.watchlist_id, a.story_id, a.outlet) al.watchlist_id, a.story_id, a.id, a.outlet,
              a.ingested_seq
       FROM articles a
       JOIN desk_alerts al ON al.story_id = a.story_id AND al.new_outlet = ''
       JOIN articles raised ON raised.id = al.article_id
       WHERE a.id IN (SELECT jsonb_array_elements_text($1::jsonb))
         AND a.outlet IS NOT NULL AND a.outlet <> ''
         AND a.ingested_seq > raised.ingested_seq
         AND NOT EXISTS (
           SELECT 1 FROM articles b
           WHERE b.story_id = a.story_id AND b.outlet = a.outlet AND b.ingested_seq < a.ingested_seq)
       ORDER BY al.watchlist_id, a.story_id, a.outlet, a.ingested_seq
     ) n
     ORDER BY n.ingested_seq, n.watchlist_id
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
