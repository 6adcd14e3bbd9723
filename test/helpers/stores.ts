import { randomBytes } from "node:crypto";
import pg from "pg";
import { Store } from "../../src/store/store.js";

/**
 * The stores every store test runs against: the embedded PGlite (in memory) and, when RASD_TEST_PG_URL names a
 * server, a fresh database on that PostgreSQL. Under CI the PostgreSQL store is mandatory.
 */
export interface TestStore {
  name: "pglite" | "postgres";
  open(): Promise<{ store: Store; url?: string; drop(): Promise<void> }>;
}

export const PG_URL = process.env["RASD_TEST_PG_URL"];

/** A fresh, empty PostgreSQL database on the test server; dropped by `drop()`. */
export async function freshPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error("RASD_TEST_PG_URL is not set");
  const name = `rasd_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const TEST_STORES: TestStore[] = [
  {
    name: "pglite",
    async open() {
      return { store: await Store.open({ dir: "memory://" }), async drop() {} };
    },
  },
  {
    name: "postgres",
    async open() {
      const db = await freshPgDatabase();
      return { store: await Store.open({ pg: db.url }), url: db.url, drop: db.drop };
    },
  },
];

/** Whether the PostgreSQL suite should be skipped (no server here and not in CI), with the reason. */
export function pgSkip(): string | false {
  if (PG_URL) return false;
  if (process.env["CI"])
    throw new Error("CI must give the tests a PostgreSQL server: set RASD_TEST_PG_URL (see .ci/run)");
  return "no PostgreSQL server: set RASD_TEST_PG_URL";
}
