import type { Driver } from "./sql.js";

/** A table is maintained again once its files grew by this share since it last was (vacuumed or analysed). */
const GROWTH = 0.1;
/** …and by at least this many pages (8 KB each): small tables are cheap to plan and to scan whatever their state. */
const MIN_PAGES = 16;

/**
 * Maintains the tables that grew since they last were: fresh planner statistics everywhere, and on the embedded
 * store a VACUUM too. PGlite runs no autovacuum, and every batch rewrites rows (story and topic profiles, merged
 * search postings): without a vacuum their dead versions are never reused and the files keep growing (26.8 KB per
 * article at 10,000 articles, 15.8 KB once compacted: docs/scale.md). PostgreSQL's autovacuum does that itself.
 *
 * VACUUM and ANALYZE both record a table's pages in `pg_class.relpages`, so a table is maintained once per 10% of
 * growth: the cost per article stays flat, and an ingest of one article pays nothing (an ANALYZE of every table
 * costs seconds on a large store: it samples 30,000 rows of each). Call outside any transaction. Returns the
 * tables maintained.
 */
export async function maintainGrown(db: Driver): Promise<string[]> {
  const rows = await db.query<{ t: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema()
        AND pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * (1 + $1::float8) + $2::float8
      ORDER BY 1`,
    [GROWTH, MIN_PAGES],
  );
  const tables = rows.map((r) => r.t);
  if (tables.length === 0) return tables;
  await db.exec(`${db.kind === "pglite" ? "VACUUM (ANALYZE)" : "ANALYZE"} ${tables.join(", ")}`);
  return tables;
}
