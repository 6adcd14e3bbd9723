import { hostname } from "node:os";
import { randomInt } from "node:crypto";
import pg from "pg";
import type { WorkerUtils } from "graphile-worker";
import { LOCK_KEYS } from "../store/locks.js";
import type { Sql } from "../store/sql.js";

/** Advisory-lock class of worker liveness locks (two-key form: class, worker's lock key; store/locks.ts). */
const LIVENESS_CLASS = LOCK_KEYS.liveness;

/**
 * A worker's proof of life: a session advisory lock held on a connection of its own for as long as the process
 * lives. PostgreSQL drops the lock the moment that connection dies — a SIGKILL, a crash, a lost machine (after TCP
 * keep-alive) — so other workers learn of the death at once, without heartbeats, timeouts or clock trust, and
 * without mistaking a slow worker (one long job) for a dead one.
 */
export class Liveness {
  private constructor(
    private readonly client: pg.Client,
    readonly workerId: string,
    private readonly lockKey: number,
  ) {}

  static async register(url: string, workerId: string): Promise<Liveness> {
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    client.on("error", () => {
      /* the connection died: the lock is gone with it, which is what others will see */
    });
    await client.connect();
    try {
      for (;;) {
        const key = randomInt(1, 2 ** 31 - 1);
        const r = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [
          LIVENESS_CLASS,
          key,
        ]);
        if (!r.rows[0]?.ok) continue; // another worker drew the same key
        // Lock first, row second: a row is never visible without its lock held (until the process dies).
        await client.query("INSERT INTO queue_workers (id, lock_key, host, pid) VALUES ($1, $2, $3, $4)", [
          workerId,
          key,
          hostname(),
          process.pid,
        ]);
        return new Liveness(client, workerId, key);
      }
    } catch (e) {
      await client.end().catch(() => {});
      throw e;
    }
  }

  async close(): Promise<void> {
    try {
      await this.client.query("DELETE FROM queue_workers WHERE id = $1", [this.workerId]);
      await this.client.query("SELECT pg_advisory_unlock($1, $2)", [LIVENESS_CLASS, this.lockKey]);
    } finally {
      await this.client.end().catch(() => {});
    }
  }
}

/**
 * Finds the registered workers whose liveness lock is free (they are dead), hands their locked jobs back to the
 * queue (graphile-worker's `forceUnlockWorkers`; the job's attempt counts as failed and it is retried), and removes
 * them. Safe to run from every worker at once: unlocking a dead worker's jobs twice is harmless.
 * Returns the ids of the dead workers found.
 */
export async function sweepDeadWorkers(db: Sql, utils: WorkerUtils): Promise<string[]> {
  const rows = await db.query<{ id: string; lock_key: number }>("SELECT id, lock_key FROM queue_workers");
  const dead: string[] = [];
  for (const r of rows) {
    // Transaction-scoped probe: if we get the lock, its owner is gone; the lock is released when the probe ends.
    const free = await db.transaction(async (tx) => {
      const got = await tx.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1, $2) AS ok", [
        LIVENESS_CLASS,
        r.lock_key,
      ]);
      return got[0]?.ok === true;
    });
    if (free) dead.push(r.id);
  }
  if (dead.length === 0) return dead;
  await utils.forceUnlockWorkers(dead);
  await db.query("DELETE FROM queue_workers WHERE id = ANY($1::text[])", [dead]);
  return dead;
}
