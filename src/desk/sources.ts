import { RasdError } from "../core/errors.js";
import { reasonError, said } from "../i18n/reasons.js";
import type { Sql } from "../store/sql.js";
import { checkFeedUrls } from "../watch/watcher.js";

/** A feed the desk follows, with its health as the watcher last left it. */
export interface Source {
  url: string;
  addedMs: number;
  paused: boolean;
  /** Seconds between polls of the healthy feed. */
  intervalS: number;
  lastPolledMs: number | null;
  lastStatus: number | null;
  lastError: string | null;
  /** The last error in Arabic, when rasd has it in Arabic (the sources page shows it; `lastError` stays English). */
  lastErrorAr: string | null;
  /** Failed polls in a row; above zero the feed is in back-off until `nextPollMs`. */
  failures: number;
  nextPollMs: number;
  polls: number;
  /** Items taken in since midnight UTC that became articles. */
  itemsToday: number;
  itemsTotal: number;
}

/** Default seconds between polls of a source. */
export const DEFAULT_INTERVAL_S = 300;

interface Row {
  url: string;
  added_ms: number;
  paused: boolean;
  interval_s: number | null;
  last_polled_ms: number | null;
  last_status: number | null;
  last_error: string | null;
  last_error_ar: string | null;
  failures: number | null;
  next_poll_ms: number | null;
  polls: number | null;
  items: number | null;
  today: number;
}

function fromRow(r: Row): Source {
  const n = (v: number | null): number | null => (v === null ? null : Number(v));
  return {
    url: r.url,
    addedMs: Number(r.added_ms),
    paused: r.paused,
    intervalS: Number(r.interval_s ?? DEFAULT_INTERVAL_S),
    lastPolledMs: n(r.last_polled_ms),
    lastStatus: n(r.last_status),
    lastError: r.last_error,
    lastErrorAr: r.last_error_ar,
    failures: Number(r.failures ?? 0),
    nextPollMs: Number(r.next_poll_ms ?? 0),
    polls: Number(r.polls ?? 0),
    itemsToday: Number(r.today),
    itemsTotal: Number(r.items ?? 0),
  };
}

function midnightUtc(nowMs: number): number {
  return Math.floor(nowMs / 86_400_000) * 86_400_000;
}

const SELECT = `
SELECT s.url, s.added_ms, s.paused, f.interval_s, f.last_polled_ms, f.last_status, f.last_error, f.last_error_ar, f.failures,
       f.next_poll_ms, f.polls, f.items,
       (SELECT count(*)::int FROM watch_items i
         WHERE i.feed_url = s.url AND i.seen_ms >= $1 AND i.article_id IS NOT NULL) AS today
FROM desk_sources s LEFT JOIN watch_feeds f ON f.url = s.url`;

/** Every source, oldest first, with its health. */
export async function listSources(sql: Sql, nowMs = Date.now()): Promise<Source[]> {
  const rows = await sql.query<Row>(`${SELECT} ORDER BY s.added_ms, s.url`, [midnightUtc(nowMs)]);
  return rows.map(fromRow);
}

export async function getSource(sql: Sql, url: string, nowMs = Date.now()): Promise<Source | null> {
  const rows = await sql.query<Row>(`${SELECT} WHERE s.url = $2`, [midnightUtc(nowMs), url]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/**
 * Follows a feed (again): idempotent; a source added again keeps what it had seen, so nothing is ingested twice.
 * The polling schedule is `watch_feeds`' (shared with `rasd watch`): due now unless already scheduled.
 */
export async function addSource(
  sql: Sql,
  url: string,
  intervalS = DEFAULT_INTERVAL_S,
  nowMs = Date.now(),
): Promise<Source> {
  checkFeedUrls([url]);
  if (!Number.isFinite(intervalS) || intervalS < 0.05)
    throw new RasdError("USAGE", `the interval must be a number of seconds, at least 0.05 (got ${intervalS})`);
  await sql.transaction(async (tx) => {
    await tx.query(
      "INSERT INTO desk_sources (url, added_ms) VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET paused = false",
      [url, nowMs],
    );
    await tx.query(
      `INSERT INTO watch_feeds (url, interval_s) VALUES ($1, $2)
       ON CONFLICT (url) DO UPDATE SET interval_s = EXCLUDED.interval_s`,
      [url, intervalS],
    );
  });
  return (await getSource(sql, url, nowMs))!;
}

function missing(url: string): RasdError {
  return reasonError("NOT_FOUND", said("missingSource", { url }), { input: url });
}

/** Pauses (or resumes) polling a source; it keeps its state. */
export async function pauseSource(sql: Sql, url: string, paused: boolean): Promise<Source> {
  const rows = await sql.query("UPDATE desk_sources SET paused = $2 WHERE url = $1 RETURNING url", [url, paused]);
  if (rows.length === 0) throw missing(url);
  if (!paused) await sql.query("UPDATE watch_feeds SET next_poll_ms = 0 WHERE url = $1 AND failures = 0", [url]);
  return (await getSource(sql, url))!;
}

/** Stops following a source. What it brought stays stored, and what it had seen stays seen. */
export async function removeSource(sql: Sql, url: string): Promise<void> {
  const rows = await sql.query("DELETE FROM desk_sources WHERE url = $1 RETURNING url", [url]);
  if (rows.length === 0) throw missing(url);
}

/** The URLs of a `--watch` argument: a URL, or a file listing URLs (one a line; blank lines and `#` comments skipped). */
export function watchArgument(arg: string, read: (path: string) => string): string[] {
  if (/^https?:\/\//iu.test(arg)) return [arg];
  let text: string;
  try {
    text = read(arg);
  } catch (e) {
    throw new RasdError(
      "USAGE",
      `--watch "${arg}" is neither an http(s) URL nor a readable file of feed URLs (${(e as Error).message})`,
      { input: arg },
    );
  }
  const urls = text
    .split(/\r?\n/u)
    .map((l) => l.replace(/#.*$/u, "").trim())
    .filter((l) => l !== "");
  checkFeedUrls(urls);
  return urls;
}
