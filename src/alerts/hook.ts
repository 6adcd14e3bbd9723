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
 * Raises the alerts a batch causes, inside the batch's transaction and after the clustering (it needs each
 * article's story): one row per (watchlist, story), inserted with ON CONFLICT DO NOTHING. So a story raises one
 * alert per watchlist however many copies and articles it gathers; a crash before COMMIT loses the articles and
 * their alerts together, and the re-run raises them once; a crash after keeps both, and nothing is raised again.
 */
export const alertsHook: IngestHook = {
  name: "alerts",
  async run(tx, articles) {
    if (articles.length === 0) return;
    const match = await matcher(tx);
    if (match === undefined) return;
    const hits: { watchlist: string; article: string }[] = [];
    for (const a of articles) for (const w of match(a)) hits.push({ watchlist: w.id, article: a.id });
    if (hits.length === 0) return;
    await tx.query(
      `INSERT INTO desk_alerts (watchlist_id, story_id, article_id, created_ms)
       SELECT h.watchlist, a.story_id, h.article, $2
       FROM jsonb_to_recordset($1::jsonb) AS h(watchlist text, article text)
       JOIN articles a ON a.id = h.article
       WHERE a.story_id IS NOT NULL
       ORDER BY a.ingested_seq
       ON CONFLICT (watchlist_id, story_id) DO NOTHING`,
      [JSON.stringify(hits), Date.now()],
    );
  },
};
