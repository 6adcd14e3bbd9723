import type { Store } from "../store/store.js";
import { INGEST_TASK } from "./payload.js";

export interface TurnOptions {
  /** Poll interval, ms. Default 50. */
  pollMs?: number;
  /** The longest wait for an earlier job in another worker's hands, ms, before going ahead out of order. Default 120,000. */
  timeoutMs?: number;
  /**
   * Work to do while waiting, between polls (catching up with what the earlier jobs committed, so that little of it
   * is left once the turn comes); its time is not counted as waiting.
   */
  meanwhile?: () => Promise<void>;
}

export interface Turn {
  seconds: number;
  /** Went ahead although an earlier job was still in hand (the timeout ran out). */
  outOfOrder: boolean;
}

/**
 * Waits until no ingest job enqueued before `jobId` is still in another worker's hands, so that concurrent workers
 * store their batches in queue order — the order one worker would store them in — and the clustering, which
 * depends on the order it sees articles in, decides as one worker would. Only the storing waits: every worker has
 * already run its batch through the pipeline (the expensive part) in parallel.
 *
 * An earlier job that nobody holds is not waited for: graphile-worker hands jobs out in id order, so it is one that
 * was handed back (its worker died, see liveness.ts) or failed and waits for its retry; waiting for it while
 * holding a later job would stall every worker. Such a job is stored later, out of order; so is anything after an
 * earlier job that stays in hand longer than the timeout (its worker alive but stuck).
 */
export async function waitTurn(store: Store, jobId: string, opts: TurnOptions = {}): Promise<Turn> {
  const t0 = performance.now();
  const poll = opts.pollMs ?? 50;
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  let busy = 0;
  for (;;) {
    const rows = await store.db.query<{ earlier: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM graphile_worker.jobs
                       WHERE task_identifier = $1 AND id < $2::bigint AND locked_at IS NOT NULL) AS earlier`,
      [INGEST_TASK, jobId],
    );
    const seconds = (performance.now() - t0 - busy) / 1000;
    if (rows[0]?.earlier !== true) return { seconds, outOfOrder: false };
    if (performance.now() >= deadline) return { seconds, outOfOrder: true };
    const t = performance.now();
    await opts.meanwhile?.();
    busy += performance.now() - t;
    await new Promise((r) => setTimeout(r, poll));
  }
}
