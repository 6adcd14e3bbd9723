import type { Migration } from "./migration.js";

/**
 * The monitoring desk (docs/desk.md).
 * - `desk_sources`: the feeds the desk follows (`rasd sources`, the sources page, `rasd serve --watch`). Their
 *   polling state and health stay in `watch_feeds` / `watch_items`, shared with `rasd watch`.
 * - `desk_watchlists`: what an analyst follows (an entity, a query, an outlet), with an optional webhook.
 * - `desk_alerts`: one row per (watchlist, story), written in the transaction that stores the articles that raise it,
 *   so a crash loses none and a restart repeats none; delivery state for the webhook lives on the same row.
 */
export const desk: Migration = {
  id: 20,
  name: "desk",
  sql: `
CREATE TABLE desk_sources (
  url      text PRIMARY KEY,
  added_ms bigint NOT NULL,
  paused   boolean NOT NULL DEFAULT false
);
CREATE TABLE desk_watchlists (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  kind       text NOT NULL,
  value      text NOT NULL,
  webhook    text,
  secret     text,
  created_ms bigint NOT NULL
);
CREATE TABLE desk_alerts (
  seq          bigserial NOT NULL,
  watchlist_id text NOT NULL REFERENCES desk_watchlists (id) ON DELETE CASCADE,
  story_id     text NOT NULL,
  article_id   text NOT NULL,
  created_ms   bigint NOT NULL,
  read         boolean NOT NULL DEFAULT false,
  delivered_ms bigint,
  attempts     integer NOT NULL DEFAULT 0,
  next_try_ms  bigint NOT NULL DEFAULT 0,
  last_error   text,
  PRIMARY KEY (watchlist_id, story_id)
);
CREATE INDEX desk_alerts_seq ON desk_alerts (seq);
`,
};
