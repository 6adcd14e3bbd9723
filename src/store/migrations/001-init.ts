import type { Migration } from "./migration.js";

/**
 * The spine's tables. An article's `id` is derived from its source and its raw content, so the same page ingested
 * twice lands on the same row (`ON CONFLICT DO NOTHING`), and the same text from another URL is another row.
 * `doc` holds the whole Article as rasd's JSON contract describes it; the other columns are what queries filter on.
 */
export const init: Migration = {
  id: 1,
  name: "init",
  sql: `
CREATE TABLE articles (
  id           text PRIMARY KEY,
  source_key   text NOT NULL,
  content_hash text NOT NULL,
  path         text NOT NULL,
  url          text,
  outlet       text,
  title        text NOT NULL,
  lang         text NOT NULL,
  published    text,
  published_precision text,
  ingested_seq bigserial NOT NULL,
  ingested_at  timestamptz NOT NULL DEFAULT now(),
  doc          jsonb NOT NULL,
  story_id     text,
  duplicate_of text
);
CREATE INDEX articles_story ON articles (story_id);

-- Stories (events) and topics: filled by the clustering; the columns here are what the river, exports and the
-- API need; the clustering keeps its own working state in its own tables.
CREATE TABLE topics (
  id         text PRIMARY KEY,
  label      text NOT NULL,
  data       jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE stories (
  id            text PRIMARY KEY,
  topic_id      text REFERENCES topics (id),
  title         text NOT NULL,
  first_date    text,
  last_date     text,
  article_count integer NOT NULL DEFAULT 0,
  data          jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stories_topic ON stories (topic_id);
CREATE INDEX stories_last_date ON stories (last_date);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_seq ON articles (ingested_seq);
`,
};
