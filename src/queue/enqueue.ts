import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import { hash64 } from "../core/hash.js";
import { failure, type DocFailure } from "../pipeline/failure.js";
import { readInput } from "../source/read.js";
import { walkInputs } from "../source/walk.js";
import { graphileLogger } from "./log.js";
import { INGEST_TASK, toWire, type IngestJob, type WireDoc } from "./payload.js";

export interface EnqueueOptions {
  /** PostgreSQL URL of the store; the queue lives in the same database (schema `graphile_worker`). */
  pg: string;
  paths: readonly string[];
  encoding?: string | undefined;
  /** Documents per job. Larger jobs cost less queue overhead; smaller ones spread better and lose less to a crash. Default 100, range 1–5000. */
  batchSize?: number;
  /** Attempts before a job is left as permanently failed (graphile-worker backs off exponentially). Default 25. */
  maxAttempts?: number;
  onFailure?: (f: DocFailure) => void;
  onSkip?: (reason: string, ar: string) => void;
}

export interface EnqueueReport {
  files: number;
  documents: number;
  jobs: number;
  failed: number;
  failures: DocFailure[];
  seconds: number;
}

const MAX_FAILURES_KEPT = 1000;

/** Creates the queue's schema (graphile-worker's own migrations, safe to run from several processes). */
export async function openQueue(pg: string): Promise<WorkerUtils> {
  const utils = await makeWorkerUtils({ connectionString: pg, logger: graphileLogger(), maxPoolSize: 2 });
  try {
    await utils.migrate();
  } catch (e) {
    await utils.release();
    throw e;
  }
  return utils;
}

/**
 * Reads the inputs as `ingest` would and puts them on the queue, one job per batch of documents, instead of
 * processing them. The job key is a hash of the batch's source keys: enqueueing the same inputs again while their
 * jobs wait replaces those jobs instead of doubling them (and once done, a repeat costs only the id check).
 */
export async function enqueueIngest(opts: EnqueueOptions): Promise<EnqueueReport> {
  const t0 = performance.now();
  const report: EnqueueReport = { files: 0, documents: 0, jobs: 0, failed: 0, failures: [], seconds: 0 };
  const size = Math.min(5000, Math.max(1, opts.batchSize ?? 100));
  const fail = (f: DocFailure) => {
    report.failed++;
    if (report.failures.length < MAX_FAILURES_KEPT) report.failures.push(f);
    opts.onFailure?.(f);
  };
  const utils = await openQueue(opts.pg);
  let batch: WireDoc[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const job: IngestJob = { v: 1, docs: batch };
    batch = [];
    const key = `ingest:${hash64(job.docs.map((d) => d.sourceKey).join("\n"))}`;
    await utils.addJob(INGEST_TASK, job, { jobKey: key, maxAttempts: opts.maxAttempts ?? 25 });
    report.jobs++;
  };
  try {
    for await (const w of walkInputs(opts.paths)) {
      if (!w.ok) {
        fail(failure(w.input, w.error));
        continue;
      }
      report.files++;
      for await (const item of readInput(w.file, { encoding: opts.encoding })) {
        if (item.ok === "skipped") {
          opts.onSkip?.(item.reason, item.ar);
          continue;
        }
        report.documents++;
        if (!item.ok) {
          fail(failure(item.input, item.error));
          continue;
        }
        batch.push(toWire({ raw: item.raw, sourceKey: item.sourceKey }));
        if (batch.length >= size) await flush();
      }
    }
    await flush();
  } finally {
    await utils.release();
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}
