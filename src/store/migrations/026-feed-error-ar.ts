import type { Migration } from "./migration.js";

/**
 * A feed's last error in Arabic beside the English one (docs/view.md): the sources page shows a person the reason in
 * their language, while `last_error` keeps the English message that `rasd sources list --json` and logs carry.
 * Null when the error came without an Arabic sentence (the page then shows what its kind means).
 */
export const feedErrorAr: Migration = {
  id: 26,
  name: "feed-error-ar",
  sql: `
ALTER TABLE watch_feeds ADD COLUMN last_error_ar text;
`,
};
