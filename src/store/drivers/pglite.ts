import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statfsSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { RasdError, messageOf } from "../../core/errors.js";
import { readShare, shareStore, type Sharing } from "../share/host.js";
import { connectShared } from "../share/remote.js";
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

/**
 * bytea (oid 17) arrives as hex text (`\x…`); PGlite's own parser decodes it a byte at a time in JavaScript, 5 s for
 * the 17 MB clustering checkpoint of a 15,000-article store. Node's hex decoder does it in a few milliseconds.
 */
const FAST_PARSERS = { 17: (text: string): Uint8Array => Buffer.from(text.slice(2), "hex") };
/** …and the same the other way, for bytea parameters (2 s to write the entity registry's 5 MB checkpoint). */
const FAST_SERIALIZERS = {
  17: (bytes: Uint8Array): string =>
    `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`,
};

/**
 * PostgreSQL's page cache inside PGlite's WebAssembly memory, which never shrinks once touched. At the default
 * 128 MB, opening a store of 15,000 articles already took 345 MB of memory; at 32 MB, 250 MB. The files are still
 * in the operating system's cache, so a page missing from this one costs a copy, not a disk read.
 * RASD_PG_SHARED_BUFFERS (a PostgreSQL size: 128MB) changes it, to measure the difference (docs/scale.md).
 */
const SHARED_BUFFERS = process.env["RASD_PG_SHARED_BUFFERS"] ?? "32MB";

/** PGlite's file errors are Emscripten's `ErrnoError {errno}`, with no message: the numbers that matter, named. */
const WASM_ERRNO: Record<number, string> = {
  2: "permission denied",
  29: "input/output error",
  51: "no space left on the disk",
  63: "operation not permitted",
  69: "the file system is read-only",
};

/** A readable reason for an error from the file system or from PGlite's (which would print as "[object Object]"). */
function reasonOf(e: unknown): string {
  if (e !== null && typeof e === "object" && (e as { name?: unknown }).name === "ErrnoError") {
    const n = Number((e as { errno?: unknown }).errno);
    return WASM_ERRNO[n] ?? `file system error ${n}`;
  }
  return messageOf(e);
}

/**
 * Free space below which writes are refused before they start, in MB (RASD_MIN_FREE_MB, default 64): PGlite does
 * not fail on a full disk, it spins forever, so rasd must stop first, while the store is still consistent.
 */
function minFreeBytes(): number {
  const env = Number(process.env["RASD_MIN_FREE_MB"]);
  return (Number.isFinite(env) && env >= 0 && process.env["RASD_MIN_FREE_MB"] !== "" ? env : 64) * 1024 * 1024;
}

function checkSpace(location: string, dir: string): void {
  let free: number;
  try {
    const s = statfsSync(location);
    free = s.bavail * s.bsize;
  } catch {
    return; // no statfs here: nothing to check against
  }
  const need = minFreeBytes();
  if (free < need) {
    throw new RasdError(
      "STORE",
      `the disk of the store "${dir}" is full (${Math.floor(free / 1048576)} MB free; rasd stops below ${Math.round(need / 1048576)} MB): free some space or move the store (--store), then run the same command again; everything committed so far is kept`,
      { input: dir },
    );
  }
}

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
 * A lock file holds the owner's pid; a lock left by a dead process (kill -9) is taken over. Returns the release
 * function, or the pid of the live process that holds the store (the caller then goes through it).
 */
function takeLock(dir: string): { release: () => void } | { owner: number } {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new RasdError(
          "STORE",
          `cannot write in the store folder "${dir}" (${messageOf(e)}); rasd needs it writable, even to read: check its permissions, space and mount, or pass --store with another folder`,
          { input: dir, cause: e },
        );
      }
      let owner = NaN;
      try {
        owner = Number(readFileSync(path, "utf8").trim());
      } catch {
        continue; // removed between our open and our read: its owner let go, try again
      }
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) return { owner };
      rmSync(path, { force: true });
    }
  }
  throw new RasdError("STORE", `cannot lock the store "${dir}"; remove ${path} if no rasd is running`, { input: dir });
}

/** How long a process waits for the holder of a store to start sharing it (it opens PGlite and migrates first). */
const SHARE_WAIT_MS = 30_000;

/**
 * The store held by live process `owner`, used through it. Waits while the holder starts; if the holder goes away
 * meanwhile, returns undefined and the caller takes the store itself.
 */
async function throughHolder(location: string, dir: string, owner: number): Promise<Driver | undefined> {
  const until = Date.now() + SHARE_WAIT_MS;
  for (;;) {
    if (!alive(owner)) return undefined;
    const info = readShare(location);
    if (info !== undefined && info.pid === owner) {
      try {
        return await connectShared(info, dir, location);
      } catch {
        // Closing, or not listening yet: look again.
      }
    }
    if (Date.now() > until) {
      throw new RasdError(
        "STORE",
        `the store "${dir}" is held by process ${owner}, which does not answer; wait for it to finish or stop it, or use another --store`,
        { input: dir },
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
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
      throw new RasdError(
        "STORE",
        `cannot create the store folder "${dir}": ${messageOf(e)}; pass --store with a writable folder`,
        {
          input: dir,
          cause: e,
        },
      );
    }
    for (;;) {
      const lock = takeLock(location);
      if ("release" in lock) {
        release = lock.release;
        break;
      }
      const shared = await throughHolder(location, dir, lock.owner);
      if (shared !== undefined) return shared;
    }
    try {
      checkSpace(location, dir);
    } catch (e) {
      release();
      throw e;
    }
  }
  let db: PGlite;
  try {
    db = await PGlite.create({
      ...(memory ? {} : { dataDir: join(location, "pg") }),
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS}`],
      parsers: FAST_PARSERS,
      serializers: FAST_SERIALIZERS,
    });
  } catch (e) {
    release();
    throw new RasdError(
      "STORE",
      `cannot open the embedded store "${dir}": ${reasonOf(e)}; check the folder (space, permissions), or pass --store with another one`,
      { input: dir, cause: e },
    );
  }
  const sql = wrap(db);
  const driver: Driver = {
    kind: "pglite",
    location,
    ...sql,
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (!memory) checkSpace(location, dir);
      return sql.transaction(fn);
    },
    async close() {
      try {
        await sharing?.close();
        await db.close();
      } finally {
        release();
      }
    },
  };
  // Other rasd processes (the command line beside `rasd serve`) use this store through this process.
  let sharing: Sharing | undefined;
  if (!memory) {
    try {
      sharing = await shareStore(driver, location);
    } catch (e) {
      await driver.close();
      throw new RasdError("STORE", `cannot share the store "${dir}" with other processes: ${messageOf(e)}`, {
        input: dir,
        cause: e,
      });
    }
  }
  return driver;
}
