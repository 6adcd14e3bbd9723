import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { RasdError, messageOf } from "../../core/errors.js";
import type { Driver, Sql } from "../sql.js";

/** `pglite` with the shape of our `Sql`. Works for the database and for a transaction alike. */
function wrap(q: PGlite | Transaction): Sql {
  return {
    async query<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      const r = await q.query<T>(text, params as unknown[]);
      return r.rows;
    },
    async exec(text: string): Promise<void> {
      await q.exec(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if ("transaction" in q) return q.transaction((tx) => fn(wrap(tx)));
      return fn(wrap(q)); // already inside one: PGlite has no nested transactions, the outer one covers this
    },
  };
}

const LOCK = "rasd.lock";

/** Whether a process with this pid is alive (a zombie, killed but not yet reaped, is not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // /proc/PID/stat: "pid (comm) S ..." — the state letter follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

/**
 * One process at a time may open an embedded store: two PGlite instances writing one folder would corrupt it.
 * A lock file holds the owner's pid; a lock left by a dead process (kill -9) is taken over.
 */
function takeLock(dir: string): () => void {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new RasdError(
          "STORE",
          `the store "${dir}" is in use by process ${owner}; stop that process, use another --store, or use --pg for several processes`,
          { input: dir },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new RasdError("STORE", `cannot lock the store "${dir}"; remove ${path} if no rasd is running`, { input: dir });
}

/** Opens (creating if needed) the embedded store in `dir`, or an in-memory one when `dir` is `memory://`. */
export async function openPglite(dir: string): Promise<Driver> {
  const memory = dir === "memory://";
  const location = memory ? dir : resolve(dir);
  let release = (): void => {};
  if (!memory) {
    try {
      mkdirSync(location, { recursive: true });
    } catch (e) {
      throw new RasdError("STORE", `cannot create the store folder "${dir}": ${messageOf(e)}; pass --store with a writable folder`, {
        input: dir,
        cause: e,
      });
    }
    release = takeLock(location);
  }
  let db: PGlite;
  try {
    db = memory ? await PGlite.create() : await PGlite.create({ dataDir: join(location, "pg") });
  } catch (e) {
    release();
    throw new RasdError("STORE", `cannot open the embedded store "${dir}": ${messageOf(e)}`, { input: dir, cause: e });
  }
  const sql = wrap(db);
  return {
    kind: "pglite",
    location,
    ...sql,
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
