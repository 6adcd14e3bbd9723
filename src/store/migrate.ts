import { RasdError } from "../core/errors.js";
import { LOCK_KEYS } from "./locks.js";
import { MIGRATIONS, type Migration } from "./migrations/index.js";
import type { Driver } from "./sql.js";

/**
 * Brings the schema up to date. The pending migrations and their records run in one transaction (PostgreSQL's DDL
 * is transactional), so a crash leaves the schema as it was before or fully migrated. An advisory lock serialises concurrent starters (several workers on one
 * PostgreSQL): the second waits, then finds nothing left to do.
 */
export async function migrate(db: Driver, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const ids = new Set<number>();
  for (const m of migrations) {
    if (ids.has(m.id)) throw new RasdError("INTERNAL", `two migrations share id ${m.id}; renumber one`);
    ids.add(m.id);
  }
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEYS.migrate]);
    await tx.exec(
      "CREATE TABLE IF NOT EXISTS rasd_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = new Set((await tx.query<{ id: number }>("SELECT id FROM rasd_migrations")).map((r) => Number(r.id)));
    let applied = 0;
    for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO rasd_migrations (id, name) VALUES ($1, $2)", [m.id, m.name]);
      applied++;
    }
    return applied;
  });
}
