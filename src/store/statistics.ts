import type { Sql } from "./sql.js";

/** A table is analysed again once its files grew by this share since its statistics were taken. */
const GROWTH = 0.1;
/** …and by at least this many pages (8 KB each): small tables are cheap to plan whatever their statistics say. */
const MIN_PAGES = 16;

/**
 * Refreshes the planner statistics of the tables that grew since they were last taken (ANALYZE records each table's
 * pages in `pg_class.relpages`). The embedded store runs no autovacuum, and without statistics PGlite's planner
 * seq-scans the join tables that reads depend on; but an ANALYZE of every table costs seconds on a large store
 * (it samples 30,000 rows of each), which an ingest of one article should not pay. Returns the tables analysed.
 */
export async function analyzeGrown(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ t: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema()
        AND pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * (1 + $1::float8) + $2::float8
      ORDER BY 1`,
    [GROWTH, MIN_PAGES],
  );
  const tables = rows.map((r) => r.t);
  if (tables.length > 0) await sql.exec(`ANALYZE ${tables.join(", ")}`);
  return tables;
}
