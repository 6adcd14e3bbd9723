import type { Migration } from "./migration.js";

/**
 * Where each article's one date comes from (`published.source`: page, story, feed, crawl) as a column beside the
 * date, for the queries that choose by it without reading the whole document: the clustering's choice of the stories
 * whose dates can be inferred (cluster/dates.ts), and the search date filters, which read the few articles their
 * story re-dated after they were indexed (a partial index).
 */
export const storyDates: Migration = {
  id: 12,
  name: "published-source",
  sql: `
ALTER TABLE articles ADD COLUMN published_source text;
UPDATE articles SET published_source = doc->'published'->>'source' WHERE doc->'published' ? 'source';
CREATE INDEX articles_story_dated ON articles (ingested_seq) WHERE published_source = 'story';
`,
};
