import { sentences } from "../analysis/ar/index.js";
import type { Sql } from "../store/sql.js";

/** "new-story": a story matched the watchlist; "new-outlet": a story it follows gained an outlet. */
export type AlertKind = "new-story" | "new-outlet";

/** One alert as the alerts page, the Atom feed and the webhook show it. */
export interface Alert {
  seq: number;
  kind: AlertKind;
  /** The outlet the story gained (a "new-outlet" alert), else null. */
  newOutlet: string | null;
  watchlist: { id: string; name: string };
  story: { id: string; title: string };
  /** The article that raised it, and the first sentence of its body (after the title). */
  article: { id: string; title: string; outlet: string | null };
  sentence: string;
  link: string;
  createdMs: number;
  read: boolean;
}

interface Row {
  seq: number;
  watchlist_id: string;
  watchlist_name: string;
  story_id: string;
  new_outlet: string;
  story_title: string | null;
  article_id: string;
  article_title: string;
  outlet: string | null;
  text: string | null;
  created_ms: number;
  read: boolean;
}

/** The first sentence of the body: the text's first sentence unless it is the title itself. */
function lead(title: string, text: string): string {
  const ss = sentences(text).map((s) => s.text.trim());
  const first = ss.find((s) => s !== "" && s !== title.trim() && !title.includes(s));
  return (first ?? "").slice(0, 400);
}

export function alertFromRow(r: Row): Alert {
  return {
    seq: Number(r.seq),
    kind: r.new_outlet === "" ? "new-story" : "new-outlet",
    newOutlet: r.new_outlet === "" ? null : r.new_outlet,
    watchlist: { id: r.watchlist_id, name: r.watchlist_name },
    story: { id: r.story_id, title: r.story_title ?? r.article_title },
    article: { id: r.article_id, title: r.article_title, outlet: r.outlet },
    sentence: lead(r.article_title, r.text ?? ""),
    link: `/stories/${encodeURIComponent(r.story_id)}`,
    createdMs: Number(r.created_ms),
    read: r.read,
  };
}

export const ALERT_SELECT = `
SELECT al.seq, al.watchlist_id, w.name AS watchlist_name, al.story_id, al.new_outlet, s.title AS story_title, al.article_id,
       a.title AS article_title, a.outlet, a.doc->>'text' AS text, al.created_ms, al.read
FROM desk_alerts al
JOIN desk_watchlists w ON w.id = al.watchlist_id
JOIN articles a ON a.id = al.article_id
LEFT JOIN stories s ON s.id = al.story_id`;

/** Alerts, newest first; of one watchlist if given. */
export async function listAlerts(sql: Sql, opts: { watchlist?: string; limit?: number } = {}): Promise<Alert[]> {
  const rows = await sql.query<Row>(
    `${ALERT_SELECT} WHERE ($1::text IS NULL OR al.watchlist_id = $1) ORDER BY al.seq DESC LIMIT $2`,
    [opts.watchlist ?? null, opts.limit ?? 100],
  );
  return rows.map(alertFromRow);
}

/**
 * An alert's stable identity, ASCII so that it fits an HTTP header: `<watchlist>:<story>` for a story alert (as it
 * always was) and `<watchlist>:<story>:outlet:<outlet, percent-encoded>` for an outlet alert.
 */
export function alertKey(a: Pick<Alert, "watchlist" | "story" | "newOutlet">): string {
  const base = `${a.watchlist.id}:${a.story.id}`;
  return a.newOutlet === null ? base : `${base}:outlet:${encodeURIComponent(a.newOutlet)}`;
}

export async function unreadCount(sql: Sql): Promise<number> {
  const [r] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM desk_alerts WHERE NOT read");
  return Number(r?.n ?? 0);
}

/** Marks alerts read: these (by seq), or all up to `upTo`. */
export async function markRead(sql: Sql, upTo: number): Promise<void> {
  await sql.query("UPDATE desk_alerts SET read = true WHERE seq <= $1 AND NOT read", [upTo]);
}
