import type { StorePipeline } from "../assemble/for-store.js";
import { storeBatch, type DocInput } from "../pipeline/store-batch.js";
import { readInput } from "../source/read.js";
import { walkInputs } from "../source/walk.js";
import type { Store } from "../store/store.js";

export interface ReplayOptions {
  /** Times faster than real time; Infinity: as fast as the store takes them. */
  speed: number;
  /** Only the first N records (in file order), as a recording's head. */
  limit?: number;
  /** Documents stored together at most (the watcher stores one poll's new items together). */
  batch?: number;
  signal?: AbortSignal;
  onBatch?: (r: ReplayReport) => void;
}

export interface ReplayReport {
  records: number;
  unreadable: number;
  stored: number;
  existing: number;
  failed: number;
  seconds: number;
  /** The recording's clock at the last stored batch (ISO), to see how far the replay went. */
  reached: string | null;
}

/** A record's time, from the date it carries (publication, or crawl as the recording's own clock). */
function timeOf(d: DocInput): number {
  const t = Date.parse((d.raw.meta?.published ?? "").replace(" ", "T"));
  return Number.isFinite(t) ? t : Number.NaN;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });
}

/**
 * Feeds a recorded stream into the store in publication order, `speed` times faster than it happened, through the
 * watcher's storing path (storeBatch: the pipeline, the hooks, one transaction per batch). On a store held by `rasd
 * serve`, this process goes through the server, so an open desk sees stories form. Records without a date keep their
 * place after the dated ones. Idempotent: a replay run again stores nothing new.
 */
export async function replay(
  store: Store,
  paths: readonly string[],
  pipeline: StorePipeline,
  opts: ReplayOptions,
): Promise<ReplayReport> {
  const t0 = performance.now();
  const report: ReplayReport = {
    records: 0,
    unreadable: 0,
    stored: 0,
    existing: 0,
    failed: 0,
    seconds: 0,
    reached: null,
  };
  const docs: DocInput[] = [];
  outer: for await (const w of walkInputs(paths)) {
    if (!w.ok) throw w.error;
    for await (const item of readInput(w.file)) {
      if (item.ok === true) docs.push({ raw: item.raw, sourceKey: item.sourceKey });
      else if (item.ok === false) report.unreadable++;
      if (opts.limit !== undefined && docs.length >= opts.limit) break outer;
    }
  }
  report.records = docs.length;
  const timed = docs.map((d, i) => ({ d, t: timeOf(d), i }));
  timed.sort((a, b) => {
    const an = Number.isNaN(a.t);
    const bn = Number.isNaN(b.t);
    if (an !== bn) return an ? 1 : -1;
    return (an ? 0 : a.t - b.t) || a.i - b.i;
  });
  const first = timed.find((x) => !Number.isNaN(x.t))?.t ?? 0;
  const batchSize = opts.batch ?? 32;
  const start = Date.now();
  let next = 0;
  while (next < timed.length && !opts.signal?.aborted) {
    // What is due by now on the recording's clock, up to one batch; else wait for the next record's time.
    const clock = first + (Date.now() - start) * opts.speed;
    const head = timed[next]!;
    if (!Number.isNaN(head.t) && head.t > clock) {
      await sleep(Math.min(1000, (head.t - clock) / opts.speed), opts.signal);
      continue;
    }
    const batch = [];
    while (next < timed.length && batch.length < batchSize) {
      const x = timed[next]!;
      if (!Number.isNaN(x.t) && x.t > clock) break;
      batch.push(x);
      next++;
    }
    const r = await storeBatch(
      store,
      batch.map((x) => x.d),
      { stages: pipeline.stages, shared: pipeline.shared, hooks: pipeline.hooks, threads: pipeline.threads },
    );
    report.stored += r.stored;
    report.existing += r.existing;
    report.failed += r.failures.length;
    const last = batch[batch.length - 1]!.t;
    if (!Number.isNaN(last)) report.reached = new Date(last).toISOString();
    report.seconds = (performance.now() - t0) / 1000;
    opts.onBatch?.(report);
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}
