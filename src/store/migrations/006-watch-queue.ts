import type { Migration } from "./migration.js";

/**
 * State of `rasd watch` and of the ingest workers, kept in the store so that a restart neither loses nor repeats
 * anything. The job queue itself lives in graphile-worker's own schema (`graphile_worker`), which that library
 * migrates; these tables are what rasd adds around it.
 *
 * - `watch_feeds`: one row per feed URL: the validators for conditional GET (ETag, Last-Modified), when to poll
 *   next, and the error streak that drives the back-off.
 * - `watch_items`: the feed items already taken in, by a key stable across polls (guid, else link, else a hash
 *   of title and date). Written in the same transaction as the articles they became.
 * - `queue_workers`: the live ingest workers. Each holds a session advisory lock on `lock_key` for as long as its
 *   connection lives; a row whose lock can be taken belongs to a dead worker, whose jobs are then unlocked.
 */
export const watchQueue: Migration = {
  id: 6,
  name: "watch-queue",
  sql: `
CREATE TABLE watch_feeds (
  url            text PRIMARY KEY,
  etag           text,
  last_modified  text,
  interval_s     double precision NOT NULL,
  next_poll_ms   bigint NOT NULL DEFAULT 0,
  failures       integer NOT NULL DEFAULT 0,
  last_status    integer,
  last_error     text,
  last_polled_ms bigint,
  polls          integer NOT NULL DEFAULT 0,
  items          integer NOT NULL DEFAULT 0
);
CREATE TABLE watch_items (
  feed_url   text NOT NULL,
  item_key   text NOT NULL,
  article_id text,
  seen_ms    bigint NOT NULL,
  PRIMARY KEY (feed_url, item_key)
);
CREATE TABLE queue_workers (
  id         text PRIMARY KEY,
  lock_key   integer NOT NULL,
  host       text NOT NULL,
  pid        integer NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now()
);
`,
};
