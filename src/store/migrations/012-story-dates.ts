import type { Migration } from "./migration.js";

/**
 * The articles their story dated (published.source "story", cluster/dates.ts): few, and read by every search with a
 * date filter, whose postings keep the day an article had when it was indexed.
 */
export const storyDates: Migration = {
  id: 12,
  name: "story-dates",
  sql: `
CREATE INDEX articles_story_dated ON articles (ingested_seq) WHERE doc->'published'->>'source' = 'story';
`,
};
