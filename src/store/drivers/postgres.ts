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

/** SQLSTATEs and socket errors that mean the server went away (restart, crash, network), not a bad query. */
const LOST = new Set(["57P01", "57P02", "57P03", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

function connectionLost(e: unknown): boolean {
  const code = String((e as { code?: unknown } | null)?.code ?? "");
  return (
    LOST.has(code) ||
    code.startsWith("08") ||
    /Connection terminated|connection error|not queryable/iu.test(messageOf(e))
  );
}

/**
 * A lost connection as a store error that says what happened and what to do. Ingest is idempotent: batches
 * committed before the loss are kept and recognised by the re-run, the batch in flight is stored once.
 */
function storeError(e: unknown, location: string): unknown {
  if (e instanceof RasdError || !connectionLost(e)) return e;
  return new RasdError(
    "STORE",
    `lost the connection to PostgreSQL at ${location} (${messageOf(e)}); check that the server is up, then run the same command again: what was committed is kept and not stored twice`,
    { input: location, cause: e },
  );
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
    throw new RasdError(
      "STORE",
      `cannot connect to PostgreSQL at ${redact(url)}: ${messageOf(e)}; check --pg / RASD_PG_URL and that the server runs`,
      {
        input: redact(url),
        cause: e,
      },
    );
  }
  const location = redact(url);
  return {
    kind: "postgres",
    location,
    async query<T>(text: string, params: readonly unknown[] = []) {
      try {
        const r = await pool.query(text, params as unknown[]);
        return r.rows as T[];
      } catch (e) {
        throw storeError(e, location);
      }
    },
    async exec(text: string) {
      try {
        await pool.query(text);
      } catch (e) {
        throw storeError(e, location);
      }
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      const client = await pool.connect().catch((e: unknown) => {
        throw storeError(e, location);
      });
      // A checked-out client whose server goes away emits 'error' between queries; unheard, that kills the
      // process. Heard here, the next query fails instead, and the broken client is discarded on release.
      let broken: Error | undefined;
      const onError = (e: Error) => {
        broken = e;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const out = await fn(clientSql(client));
        await client.query("COMMIT");
        return out;
      } catch (e) {
        await client.query("ROLLBACK").catch((r: unknown) => {
          broken ??= r instanceof Error ? r : new Error(messageOf(r));
        });
        throw storeError(e, location);
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
