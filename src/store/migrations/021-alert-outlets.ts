import type { Migration } from "./migration.js";

/**
 * A followed story gaining an outlet raises its own alert (docs/desk.md): `desk_alerts` is keyed by (watchlist,
 * story, new_outlet), where `new_outlet` is '' for the alert that the story appeared and the outlet's name for each
 * outlet the story gained after it. The index by story finds, for a batch's articles, the watchlists that follow
 * their stories.
 */
export const alertOutlets: Migration = {
  id: 21,
  name: "alert-outlets",
  sql: `
ALTER TABLE desk_alerts ADD COLUMN new_outlet text NOT NULL DEFAULT '';
ALTER TABLE desk_alerts DROP CONSTRAINT desk_alerts_pkey;
ALTER TABLE desk_alerts ADD PRIMARY KEY (watchlist_id, story_id, new_outlet);
CREATE INDEX desk_alerts_story ON desk_alerts (story_id);
`,
};
