import type { Migration } from "./migration.js";

/**
 * Posting blocks are written in the compact form (varints, see search/postings.ts), which pglz barely shrinks
 * (measured: 0–27% on the common terms of the 62,555-article bench store) but still tries on every write and
 * undoes on every read. EXTERNAL keeps large blocks out of line, uncompressed: a read is a plain copy. Only the
 * storage strategy changes; existing rows and both drivers' results are untouched.
 */
export const searchStorage: Migration = {
  id: 7,
  name: "search-storage",
  sql: `ALTER TABLE search_postings ALTER COLUMN data SET STORAGE EXTERNAL;`,
};
