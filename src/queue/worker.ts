import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { run, type Runner, type RunnerOptions, type WorkerUtils } from "graphile-worker";
import type { Stage } from "../core/stage.js";
import type { JobNote } from "../i18n/notes.js";
import type { StageThreads } from "../pipeline/pool.js";
import type { SharedStages } from "../pipeline/shared.js";
import type { DocFailure } from "../pipeline/failure.js";
import { storeBatch } from "../pipeline/store-batch.js";
import type { IngestHook } from "../store/hooks.js";
import type { Store } from "../store/store.js";
import { openQueue } from "./enqueue.js";
import { Liveness, sweepDeadWorkers } from "./liveness.js";
import { graphileLogger } from "./log.js";
import { INGEST_TASK, decodeJob } from "./payload.js";
import { waitTurn, type Turn, type TurnOptions } from "./turn.js";

/** The catalogue words it (i18n stays a leaf: it imports nothing of the flow). */
export type JobReport = JobNote;

export interface WorkerReport {
  workerId: string;
  jobs: number;
  documents: number;
  stored: number;
  existing: number;
  failed: number;
  /** Dead workers found by this one, whose jobs it handed back to the queue. */
  recovered: string[];
  /** Jobs left permanently failed in the queue when this worker stopped (attempts used up). */
  permanentlyFailed: number;
  seconds: number;
}

export interface WorkerOptions {
  /** The store (PostgreSQL); the queue lives in the same database. */
  store: Store;
  pg: string;
  stages: readonly Stage[];
  hooks: readonly IngestHook[];
  /**
   * The stages split (pipelineFor): the shared part runs under the ingest lock in queue order, after replaying what
   * the other workers logged. Without it every stage runs in parallel, and names the other workers learned
   * meanwhile are unknown to this worker's entity registry.
   */
  shared?: SharedStages;
  /** Worker threads for the first stages of each job's documents (pipelineFor with `threads`). */
  threads?: StageThreads | undefined;
  /** Stop once no job is waiting, running elsewhere or scheduled for retry. Default false: run until stopped. */
  exitWhenIdle?: boolean;
  /** Waiting for earlier jobs (turn.ts). */
  turn?: TurnOptions;
  /** How often to look for dead workers and (with exitWhenIdle) for an empty queue, in ms. Default 1000. */
  checkEveryMs?: number;
  onJob?: (r: JobReport) => void;
  onFailure?: (f: DocFailure) => void;
  onRecovered?: (workerIds: string[]) => void;
  /** Stops the worker gracefully (the job in hand is finished first). */
  signal?: AbortSignal;
}

/** Jobs of our task that are still to be done: waiting, in hand somewhere, or scheduled for a retry. */
async function openJobs(store: Store): Promise<{ open: number; dead: number }> {
  const rows = await store.db.query<{ open: number; dead: number }>(
    `SELECT count(*) FILTER (WHERE attempts < max_attempts)::int AS open,
            count(*) FILTER (WHERE attempts >= max_attempts AND locked_at IS NULL)::int AS dead
       FROM graphile_worker.jobs WHERE task_identifier = $1`,
    [INGEST_TASK],
  );
  return { open: Number(rows[0]?.open ?? 0), dead: Number(rows[0]?.dead ?? 0) };
}

/**
 * Takes ingest jobs from the queue (graphile-worker on the store's PostgreSQL) one at a time and runs each through
 * the same pipeline and hooks as `rasd ingest`, storing a job's articles in one transaction. A worker killed at any
 * moment leaves nothing half-written (the transaction rolls back); its job stays locked until another worker sees
 * it dead (see liveness.ts) and hands the job back; the retry skips whatever the first attempt committed.
 */
export async function runWorker(opts: WorkerOptions): Promise<WorkerReport> {
  const t0 = performance.now();
  const workerId = `rasd-${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const report: WorkerReport = {
    workerId,
    jobs: 0,
    documents: 0,
    stored: 0,
    existing: 0,
    failed: 0,
    recovered: [],
    permanentlyFailed: 0,
    seconds: 0,
  };
  const utils = await openQueue(opts.pg);
  let liveness: Liveness | undefined;
  let runner: Runner | undefined;
  try {
    liveness = await Liveness.register(opts.pg, workerId);
    await sweep(opts, utils, report);
    // graphile-worker 0.16 honours `workerId` for a pool of one (main.js reads it from the raw options) but its
    // RunnerOptions type omits it; we need our id on the jobs we lock, so that the liveness sweep can unlock them.
    const options: RunnerOptions & { workerId: string } = {
      connectionString: opts.pg,
      concurrency: 1, // the pipeline is CPU-bound: one job per process; run more processes for more cores
      workerId,
      maxPoolSize: 2,
      pollInterval: 500,
      noHandleSignals: true,
      logger: graphileLogger(),
      taskList: {
        [INGEST_TASK]: async (payload, helpers) => {
          const t = performance.now();
          const docs = decodeJob(payload, helpers.job.id);
          let turn: Turn = { seconds: 0, outOfOrder: false };
          // While it waits, the worker replays what the earlier jobs commit: once its turn comes, only the last
          // one's is left to replay under the lock.
          const beforeStore = async (follow: () => Promise<void>) =>
            void (turn = await waitTurn(opts.store, helpers.job.id, { ...opts.turn, meanwhile: follow }));
          const r = await storeBatch(opts.store, docs, {
            stages: opts.stages,
            shared: opts.shared,
            hooks: opts.hooks,
            threads: opts.threads,
            beforeStore,
          });
          const job: JobReport = {
            job: helpers.job.id,
            attempt: helpers.job.attempts,
            documents: docs.length,
            stored: r.stored,
            existing: r.existing,
            failed: r.failures.length,
            seconds: (performance.now() - t) / 1000,
            stageSeconds: r.stageSeconds,
            storeSeconds: r.storeSeconds,
            turnSeconds: turn.seconds,
            lockWaitSeconds: r.lockWaitSeconds,
            lockSeconds: r.lockSeconds,
            outOfOrder: turn.outOfOrder,
          };
          report.jobs++;
          report.documents += job.documents;
          report.stored += job.stored;
          report.existing += job.existing;
          report.failed += job.failed;
          for (const f of r.failures) opts.onFailure?.(f);
          opts.onJob?.(job);
        },
      },
    };
    runner = await run(options);
    await supervise(opts, utils, runner, report);
  } finally {
    // stop() lets the job in hand finish (graceful); it rejects only when the runner had already ended.
    await Promise.resolve(runner?.stop()).catch(() => {});
    await runner?.promise.catch(() => {});
    await liveness?.close().catch(() => {});
    await Promise.resolve(utils.release()).catch(() => {});
  }
  report.permanentlyFailed = (await openJobs(opts.store)).dead;
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

async function sweep(opts: WorkerOptions, utils: WorkerUtils, report: WorkerReport): Promise<void> {
  const dead = await sweepDeadWorkers(opts.store.db, utils);
  if (dead.length === 0) return;
  report.recovered.push(...dead);
  opts.onRecovered?.(dead);
}

/** Watches for dead workers, for the stop signal and (with exitWhenIdle) for an empty queue, until one ends the run. */
async function supervise(opts: WorkerOptions, utils: WorkerUtils, runner: Runner, report: WorkerReport): Promise<void> {
  const every = opts.checkEveryMs ?? 1000;
  let finished = false;
  runner.promise.then(
    () => (finished = true),
    () => (finished = true),
  );
  while (!finished && !opts.signal?.aborted) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        opts.signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, every);
      opts.signal?.addEventListener("abort", done, { once: true });
    });
    if (finished || opts.signal?.aborted) break;
    await sweep(opts, utils, report);
    if (opts.exitWhenIdle && (await openJobs(opts.store)).open === 0) break;
  }
}
