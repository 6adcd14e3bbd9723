import type { Sql } from "../store/sql.js";

/** What rasd remembers about one feed between polls and across restarts (table `watch_feeds`). */
export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  intervalS: number;
  /** Epoch ms of the next poll. */
  nextPollMs: number;
  /** Failed polls in a row (drives the back-off); 0 after a success. */
  failures: number;
  lastStatus: number | null;
  lastError: string | null;
  /** The last error in Arabic, when rasd has it in Arabic (the sources page shows it). */
  lastErrorAr: string | null;
  lastPolledMs: number | null;
  polls: number;
  /** Items taken in from this feed, all time. */
  items: number;
}

interface Row {
  url: string;
  etag: string | null;
  last_modified: string | null;
  interval_s: number;
  next_poll_ms: number;
  failures: number;
  last_status: number | null;
  last_error: string | null;
  last_error_ar: string | null;
  last_polled_ms: number | null;
  polls: number;
  items: number;
}

function fromRow(r: Row): FeedState {
  return {
    url: r.url,
    etag: r.etag,
    lastModified: r.last_modified,
    intervalS: Number(r.interval_s),
    nextPollMs: Number(r.next_poll_ms),
    failures: Number(r.failures),
    lastStatus: r.last_status === null ? null : Number(r.last_status),
    lastError: r.last_error,
    lastErrorAr: r.last_error_ar,
    lastPolledMs: r.last_polled_ms === null ? null : Number(r.last_polled_ms),
    polls: Number(r.polls),
    items: Number(r.items),
  };
}

/** The feed's state, creating it (due now) the first time; the interval is updated to the one given. */
export async function registerFeed(sql: Sql, url: string, intervalS: number): Promise<FeedState> {
  const rows = await sql.query<Row>(
    `INSERT INTO watch_feeds (url, interval_s) VALUES ($1, $2)
     ON CONFLICT (url) DO UPDATE SET interval_s = EXCLUDED.interval_s
     RETURNING *`,
    [url, intervalS],
  );
  return fromRow(rows[0]!);
}

export async function loadFeed(sql: Sql, url: string): Promise<FeedState | null> {
  const rows = await sql.query<Row>("SELECT * FROM watch_feeds WHERE url = $1", [url]);
  return rows[0] ? fromRow(rows[0]) : null;
}

export async function saveFeed(sql: Sql, s: FeedState): Promise<void> {
  await sql.query(
    `UPDATE watch_feeds SET etag = $2, last_modified = $3, interval_s = $4, next_poll_ms = $5, failures = $6,
       last_status = $7, last_error = $8, last_polled_ms = $9, polls = $10, items = $11, last_error_ar = $12
     WHERE url = $1`,
    [
      s.url,
      s.etag,
      s.lastModified,
      s.intervalS,
      s.nextPollMs,
      s.failures,
      s.lastStatus,
      s.lastError,
      s.lastPolledMs,
      s.polls,
      s.items,
      s.lastErrorAr,
    ],
  );
}

/** Which of these item keys this feed has not taken in yet. */
export async function unseenKeys(sql: Sql, url: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await sql.query<{ item_key: string }>(
    "SELECT item_key FROM watch_items WHERE feed_url = $1 AND item_key = ANY($2::text[])",
    [url, keys],
  );
  const seen = new Set(rows.map((r) => r.item_key));
  return new Set(keys.filter((k) => !seen.has(k)));
}

/** Records items as taken in (with the article each became, if any). Idempotent. */
export async function markSeen(
  sql: Sql,
  url: string,
  items: readonly { key: string; articleId: string | null }[],
  nowMs: number,
): Promise<void> {
  if (items.length === 0) return;
  await sql.query(
    `INSERT INTO watch_items (feed_url, item_key, article_id, seen_ms)
     SELECT $1, x.key, x.article_id, $3 FROM jsonb_to_recordset($2::jsonb) AS x(key text, article_id text)
     ON CONFLICT (feed_url, item_key) DO NOTHING`,
    [url, JSON.stringify(items.map((i) => ({ key: i.key, article_id: i.articleId }))), nowMs],
  );
}
