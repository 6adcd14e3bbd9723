import { open, stat } from "node:fs/promises";
import type { Stage } from "../core/stage.js";
import { readInput } from "../source/read.js";
import { walkInputs, type InputFile } from "../source/walk.js";
import type { IngestHook } from "../store/hooks.js";
import type { Store } from "../store/store.js";
import { maintainGrown } from "../store/maintenance.js";
import type { StageThreads } from "./pool.js";
import { prepareBatch, storePrepared, type BatchReport, type DocInput, type PreparedBatch } from "./store-batch.js";
import { failure, type DocFailure } from "./failure.js";

/** A document or input file that was not stored, and why. */
export type IngestFailure = DocFailure;

export interface IngestReport {
  /** Input files found (a JSON Lines file counts once). */
  files: number;
  /** Documents read from them (pages and records). */
  documents: number;
  /** Articles stored by this run. */
  stored: number;
  /** Documents that were already stored (same source and content). */
  existing: number;
  failed: number;
  failures: IngestFailure[];
  /** Warnings and errors recorded on stored articles, counted. */
  diagnostics: number;
  seconds: number;
}

export interface IngestProgress {
  documents: number;
  stored: number;
  existing: number;
  failed: number;
  /** Share of input bytes read, 0..1. */
  fraction: number;
  current: string;
}

export interface IngestOptions {
  paths: readonly string[];
  stages: readonly Stage[];
  hooks?: readonly IngestHook[];
  /**
   * Worker threads for the per-document stages (pipelineFor with `threads`). Batches are then pipelined: the threads
   * process batch k+1 while this thread links and stores batch k, in input order, so the store ends as with one thread.
   */
  threads?: StageThreads | undefined;
  encoding?: string | undefined;
  /** Documents per transaction. Larger is faster; smaller loses less work to a crash. Default 100, range 1–5000. */
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Failures are also streamed here as they happen, so a long run shows them at once. */
  onFailure?: (f: IngestFailure) => void;
  /** Files inside folders that hold no articles are passed over and reported here. */
  onSkip?: (reason: string, ar: string) => void;
  /** Called after each batch that stored articles is committed: from then on those articles survive any crash. */
  onCommit?: (stored: number, totalStored: number) => void;
}

/** Failures kept in the report; past this only the count grows (a broken 10-million-line file must not fill memory). */
const MAX_FAILURES_KEPT = 1000;
/** Articles stored between two looks at which tables grew (maintenance.ts) during one ingest. */
const MAINTAIN_EVERY = 2000;

/**
 * Reads, processes and stores everything under `paths`. Idempotent and resumable: documents already stored are
 * recognised by id before any work is spent on them, and each batch of new articles is stored with all its derived
 * data in one transaction, so a run killed at any point and started again ends with every article stored once.
 */
export async function ingest(store: Store, opts: IngestOptions): Promise<IngestReport> {
  const t0 = performance.now();
  const report: IngestReport = {
    files: 0,
    documents: 0,
    stored: 0,
    existing: 0,
    failed: 0,
    failures: [],
    diagnostics: 0,
    seconds: 0,
  };
  const batchSize = Math.min(5000, Math.max(1, opts.batchSize ?? 100));
  const failed = (f: IngestFailure) => {
    report.failed++;
    if (report.failures.length < MAX_FAILURES_KEPT) report.failures.push(f);
    opts.onFailure?.(f);
  };
  const fail = (input: string, e: unknown) => failed(failure(input, e));

  const files: InputFile[] = [];
  for await (const w of walkInputs(opts.paths)) {
    if (w.ok) files.push(w.file);
    else fail(w.input, w.error);
  }
  report.files = files.length;
  const sizes = await Promise.all(
    files.map((f) =>
      stat(f.path).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const totalBytes = sizes.reduce((a, b) => a + b, 0) || 1;
  let doneBytes = 0;

  let pending: DocInput[] = [];
  const progress = (current: string, extra = 0) =>
    opts.onProgress?.({
      documents: report.documents,
      stored: report.stored,
      existing: report.existing,
      failed: report.failed,
      fraction: Math.min(1, (doneBytes + extra) / totalBytes),
      current,
    });

  const batchOpts = { stages: opts.stages, hooks: opts.hooks, threads: opts.threads };
  const counted = (r: BatchReport) => {
    report.stored += r.stored;
    report.existing += r.existing;
    report.diagnostics += r.diagnostics;
    for (const f of r.failures) failed(f);
    if (r.stored > 0) opts.onCommit?.(r.stored, report.stored);
  };
  // With threads, the batch prepared (and in the threads) but not stored yet: it is stored after the next one is
  // handed to the threads, so they are never idle while this thread stores. Without, each batch is stored at once.
  let inFlight: PreparedBatch | undefined;
  const storeInFlight = async () => {
    const p = inFlight;
    inFlight = undefined;
    if (p !== undefined) counted(await storePrepared(store, p, batchOpts, true));
  };
  // A long ingest maintains the tables that grew as it goes (maintenance.ts), so that the dead row versions its
  // batches leave are reused by the next ones instead of growing the files until it ends.
  let maintainedAt = 0;
  const maintain = async () => {
    if (report.stored - maintainedAt < MAINTAIN_EVERY) return;
    await storeInFlight();
    await maintainGrown(store.db);
    maintainedAt = report.stored;
  };
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const prepared = await prepareBatch(store, batch, batchOpts);
    if (opts.threads === undefined) {
      counted(await storePrepared(store, prepared, batchOpts));
      return maintain();
    }
    await storeInFlight();
    inFlight = prepared;
    await maintain();
  };

  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const size = sizes[i] ?? 0;
    // Progress inside a file: the bytes of the documents read so far, in the file's own (maybe gzipped) bytes.
    const scale = size / (await inflatedSize(file.path, size));
    let inFile = 0;
    for await (const item of readInput(file, { encoding: opts.encoding })) {
      if (item.ok === true) inFile += docBytes(item.raw);
      if (item.ok === "skipped") {
        opts.onSkip?.(item.reason, item.ar);
        continue;
      }
      report.documents++;
      if (!item.ok) {
        fail(item.input, item.error);
        continue;
      }
      pending.push({ raw: item.raw, sourceKey: item.sourceKey });
      if (pending.length >= batchSize) {
        await flush();
        progress(file.path, Math.min(size * 0.99, inFile * scale));
      }
    }
    doneBytes += size;
    await flush();
    progress(file.path);
  }
  await flush();
  await storeInFlight();
  // Statistics (and on the embedded store a vacuum) for the tables that grew (maintenance.ts).
  if (report.stored > 0) await maintainGrown(store.db);
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

/** About how many bytes of the input file a document took (its bytes, or its text and fields). */
function docBytes(raw: { bytes?: Uint8Array; text?: string; meta?: object }): number {
  if (raw.bytes !== undefined) return raw.bytes.length;
  return Buffer.byteLength(raw.text ?? "") + (raw.meta === undefined ? 0 : Buffer.byteLength(JSON.stringify(raw.meta)));
}

/**
 * A file's size once inflated: for gzip, the size its trailer records (ISIZE, modulo 4 GiB, so at least the file
 * size); otherwise its size.
 */
async function inflatedSize(path: string, size: number): Promise<number> {
  if (!/\.gz$/iu.test(path) || size < 18) return Math.max(1, size);
  const fh = await open(path, "r");
  try {
    const b = Buffer.alloc(4);
    await fh.read(b, 0, 4, size - 4);
    return Math.max(size, b.readUInt32LE(0));
  } catch {
    return Math.max(1, size);
  } finally {
    await fh.close();
  }
}
