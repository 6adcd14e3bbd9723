import type { Worker } from "node:worker_threads";
import { RasdError } from "../core/errors.js";
import { said } from "../i18n/reasons.js";
import { inputLabel } from "../core/label.js";
import type { Doc, Stage } from "../core/stage.js";
import type { DocFailure } from "./failure.js";
import type { DocInput } from "./store-batch.js";

/**
 * What a worker thread hands back for one document: the document after the first stages (its input stays here and
 * is not sent back), or the failure that stopped it. Plain data, as structured clone carries it.
 */
export type PoolResult = { ok: true; doc: Omit<Doc, "raw"> } | { ok: false; failure: DocFailure };

/**
 * The stage threads of a run (pipelineFor builds them): the pool, which runs the stages that need nothing but the
 * document, and the stages this thread runs after them, in input order, with the registry it keeps (entity linking,
 * quotes). With split stages (workers, the watcher) the pool runs `shared.before` and `rest` is not used.
 */
export interface StageThreads {
  pool: StagePool;
  rest: readonly Stage[];
}

/** A message to a worker thread: documents to run through its stages, in order. */
export interface PoolJobMessage {
  job: number;
  docs: DocInput[];
}

/** A worker thread's answer: one result per document of the job, in the same order; or that it is ready. */
export type PoolAnswerMessage = { job: number; results: PoolResult[] } | { ready: true };

interface Job {
  id: number;
  docs: DocInput[];
  /** Where the job's documents sit in their run's inputs. */
  at: number;
  run: Run;
}

interface Run {
  results: (PoolResult | undefined)[];
  left: number;
  resolve(results: PoolResult[]): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  /** Whether the thread has loaded its stages (one that dies before that cannot start at all). */
  ready: boolean;
}

/**
 * Documents a job holds at most: a batch is cut into a few jobs per thread so that a thread that drew long pages
 * does not hold the others up, and small enough that one crash (which costs its job a retry) stays cheap.
 */
const JOBS_PER_THREAD = 4;

/**
 * A pool of worker threads that run the stages needing nothing but the document (decode, extraction, dates,
 * figures, entity recognition) on many documents at once, while the calling thread keeps everything that needs
 * order or the store. Results come back in input order whatever thread ran what, so what is stored is what one
 * thread would store. Each thread loads its stages and models once and keeps them for every job.
 *
 * A document whose stages fail is that document's failure, as in one thread. A thread that dies (out of memory, a
 * crash in native code) costs no document but the one that killed it: its job's documents are run again one per
 * job on a fresh thread, and the one that kills that thread too is reported as failed. Threads are started on the
 * first run, and do not keep the process alive while idle, so a caller that forgets `close` still exits.
 */
export class StagePool {
  readonly threads: number;
  private readonly start: () => Worker;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextJob = 0;
  private closed = false;

  /** `start` makes one worker thread that serves its stages (serveStages in pool-worker.ts). */
  constructor(threads: number, start: () => Worker) {
    if (!Number.isInteger(threads) || threads < 1)
      throw new RasdError("USAGE", `threads must be 1 or more, not ${threads}`);
    this.threads = threads;
    this.start = start;
  }

  /** Runs `docs` through the threads' stages; one result per document, in input order. */
  run(docs: readonly DocInput[]): Promise<PoolResult[]> {
    if (this.closed) return Promise.reject(new RasdError("INTERNAL", "the stage threads were closed"));
    if (docs.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const run: Run = { results: docs.map(() => undefined), left: docs.length, resolve, reject };
      const size = Math.max(1, Math.ceil(docs.length / (this.threads * JOBS_PER_THREAD)));
      for (let at = 0; at < docs.length; at += size) this.queue.push(this.job(docs.slice(at, at + size), at, run));
      this.pump();
    });
  }

  /** Stops every thread; runs still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new RasdError("INTERNAL", "the stage threads were closed");
    for (const job of this.queue.splice(0)) job.run.reject(error);
    const slots = this.slots.splice(0);
    for (const s of slots) s.job?.run.reject(error);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private job(docs: DocInput[], at: number, run: Run): Job {
    return { id: this.nextJob++, docs, at, run };
  }

  /** Hands waiting jobs to idle threads, starting threads up to the pool's size. */
  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (slot === undefined && this.slots.length < this.threads) slot = this.spawn();
      if (slot === undefined) return;
      const job = this.queue.shift()!;
      slot.job = job;
      // A busy thread keeps the process alive until it answers; an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage({ job: job.id, docs: job.docs } satisfies PoolJobMessage);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.start(), job: null, ready: false };
    this.slots.push(slot);
    slot.worker.on("message", (m: PoolAnswerMessage) => this.answered(slot, m));
    slot.worker.on("error", (e: Error) => this.died(slot, `${e.name}: ${e.message}`));
    slot.worker.on("exit", (code: number) => this.died(slot, `it exited with code ${code}`));
    return slot;
  }

  private answered(slot: Slot, m: PoolAnswerMessage): void {
    if ("ready" in m) {
      slot.ready = true;
      return;
    }
    const job = slot.job;
    if (job === null || job.id !== m.job) return;
    slot.job = null;
    slot.worker.unref();
    this.settle(job, m.results);
    this.pump();
  }

  private settle(job: Job, results: readonly PoolResult[]): void {
    const run = job.run;
    results.forEach((r, k) => (run.results[job.at + k] = r));
    run.left -= results.length;
    if (run.left === 0) run.resolve(run.results.map((r) => r!));
  }

  /** A thread stopped: replace it, and run its job's documents again one by one (or fail the one that killed it). */
  private died(slot: Slot, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // already handled ("error" is followed by "exit")
    this.slots.splice(i, 1);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    if (this.closed || job === null) return;
    if (!slot.ready) {
      // A thread that could not load its stages: no document is to blame, and the next thread would fail the same way.
      job.run.reject(new RasdError("INTERNAL", `a stage thread could not start: ${why}`));
      for (const other of this.queue.splice(0)) if (other.run !== job.run) this.queue.push(other);
      this.pump();
      return;
    }
    if (job.docs.length > 1) {
      this.queue.unshift(...job.docs.map((d, k) => this.job([d], job.at + k, job.run)));
    } else {
      const d = job.docs[0]!;
      const s = said("threadStopped", { why });
      const failure = { input: inputLabel(d.raw.source), code: "INTERNAL" as const, reason: s.en, ar: s.ar };
      this.settle(job, [{ ok: false, failure }]);
    }
    this.pump();
  }
}
