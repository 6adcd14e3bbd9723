import pg from "pg";
import { RasdError, messageOf } from "../../core/errors.js";
import type { Driver, Sql } from "../sql.js";

/** Keep bigint and numeric as JS numbers/strings the same way PGlite returns them: int8 → number. */
pg.types.setTypeParser(20, (v) => Number(v));

/** A URL with its password hidden, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable PostgreSQL URL)";
  }
}

function clientSql(client: pg.PoolClient): Sql {
  const sql: Sql = {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as T[];
    },
    async exec(text: string) {
      await client.query(text);
    },
    // Nested: a savepoint would do, but no caller needs it; the outer transaction covers the work.
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      return fn(sql);
    },
  };
  return sql;
}

/** Connects to a PostgreSQL server through a small pool. */
export async function openPostgres(url: string, poolSize = 4): Promise<Driver> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => {
    /* an idle client lost its connection: the pool replaces it; the next query reports a real failure */
  });
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new RasdError("STORE", `cannot connect to PostgreSQL at ${redact(url)}: ${messageOf(e)}; check --pg / RASD_PG_URL and that the server runs`, {
      input: redact(url),
      cause: e,
    });
  }
  return {
    kind: "postgres",
    location: redact(url),
    async query<T>(text: string, params: readonly unknown[] = []) {
      const r = await pool.query(text, params as unknown[]);
      return r.rows as T[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(clientSql(client));
        await client.query("COMMIT");
        return out;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
