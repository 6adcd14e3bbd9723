import { open, stat } from "node:fs/promises";
import { RasdError, messageOf } from "../core/errors.js";
import type { Stage } from "../core/stage.js";
import type { Article } from "../core/types.js";
import { readInput, type SourceItem } from "../source/read.js";
import { walkInputs, type InputFile } from "../source/walk.js";
import { existingIds, insertArticles, type ArticleRow } from "../store/articles.js";
import type { Store } from "../store/store.js";
import type { IngestHook } from "./hooks.js";
import { runStages } from "./run.js";
import { contentHash } from "./identity.js";
import { decodeDoc } from "./decode-stage.js";
import { DocContext } from "../core/context.js";

export interface IngestFailure {
  input: string;
  code: RasdError["code"];
  reason: string;
}

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
  encoding?: string | undefined;
  /** Documents per transaction. Larger is faster; smaller loses less work to a crash. Default 100, range 1–5000. */
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Failures are also streamed here as they happen, so a long run shows them at once. */
  onFailure?: (f: IngestFailure) => void;
  /** Files inside folders that hold no articles are passed over and reported here. */
  onSkip?: (reason: string) => void;
  /** Called after each batch is committed: from then on those articles survive any crash. */
  onCommit?: (stored: number, totalStored: number) => void;
}

type Pending = { item: Extract<SourceItem, { ok: true }> };

/** Failures kept in the report; past this only the count grows (a broken 10-million-line file must not fill memory). */
const MAX_FAILURES_KEPT = 1000;

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
  const fail = (input: string, e: RasdError | Error) => {
    const f: IngestFailure = { input, code: "code" in e ? (e as RasdError).code : "INTERNAL", reason: messageOf(e) };
    report.failed++;
    if (report.failures.length < MAX_FAILURES_KEPT) report.failures.push(f);
    opts.onFailure?.(f);
  };

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

  let pending: Pending[] = [];
  const progress = (current: string, extra = 0) =>
    opts.onProgress?.({
      documents: report.documents,
      stored: report.stored,
      existing: report.existing,
      failed: report.failed,
      fraction: Math.min(1, (doneBytes + extra) / totalBytes),
      current,
    });

  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    await storeBatch(store, batch, opts, report, fail);
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
        opts.onSkip?.(item.reason);
        continue;
      }
      report.documents++;
      if (!item.ok) {
        fail(item.input, item.error);
        continue;
      }
      pending.push({ item });
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
  // Fresh planner statistics: without them PGlite's planner seq-scans the join tables that reads depend on.
  if (report.stored > 0) await store.db.exec("ANALYZE");
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

async function storeBatch(
  store: Store,
  batch: readonly Pending[],
  opts: IngestOptions,
  report: IngestReport,
  fail: (input: string, e: Error) => void,
): Promise<void> {
  // Identify first (decode + id only), so documents already stored cost no extraction or annotation.
  const identified: { pending: Pending; id: string }[] = [];
  for (const p of batch) {
    try {
      const doc = decodeDoc(p.item.raw, p.item.sourceKey, new DocContext(p.item.raw.source.path));
      identified.push({ pending: p, id: doc.article.id });
    } catch (e) {
      fail(inputName(p), e as Error);
    }
  }
  const known = await existingIds(
    store.db,
    identified.map((x) => x.id),
  );
  const seen = new Set<string>();
  const rows: ArticleRow[] = [];
  for (const { pending: p, id } of identified) {
    if (known.has(id) || seen.has(id)) {
      report.existing++;
      continue;
    }
    seen.add(id);
    try {
      const doc = await runStages(p.item.raw, p.item.sourceKey, opts.stages);
      const a = doc.article;
      report.diagnostics += a.messages.filter((m) => m.severity !== "info").length;
      rows.push({
        article: a,
        sourceKey: p.item.sourceKey,
        contentHash: contentHash(a),
        url: p.item.raw.meta?.url ?? p.item.raw.source.url ?? null,
        outlet: a.publisher.name ?? p.item.raw.meta?.outlet ?? null,
      });
    } catch (e) {
      fail(inputName(p), e as Error);
    }
  }
  if (rows.length === 0) return;
  const commit = (batch: readonly ArticleRow[]) =>
    store.db.transaction(async (tx) => {
      const ids = await insertArticles(tx, batch);
      const fresh = batch.filter((r) => ids.has(r.article.id));
      const articles: Article[] = fresh.map((r) => r.article);
      for (const hook of opts.hooks ?? []) await hook.run(tx, articles, fresh);
      return ids.size;
    });
  let inserted: number;
  try {
    inserted = await commit(rows);
  } catch (e) {
    // The store itself failing (disk full, server gone) stops the run: nothing more can be stored.
    if (rows.length === 1 || isStoreFailure(e)) throw e;
    // One document the hooks cannot take must not cost the rest of its batch: store them one at a time, and
    // report the one that fails with its name.
    inserted = 0;
    for (const r of rows) {
      try {
        inserted += await commit([r]);
      } catch (one) {
        if (isStoreFailure(one)) throw one;
        fail(
          r.article.source.record !== undefined
            ? `${r.article.source.path}:${r.article.source.record}`
            : r.article.source.path,
          one as Error,
        );
      }
    }
  }
  report.stored += inserted;
  report.existing += rows.length - inserted;
  opts.onCommit?.(inserted, report.stored);
}

function isStoreFailure(e: unknown): boolean {
  return e instanceof RasdError && e.code === "STORE";
}

function inputName(p: Pending): string {
  const s = p.item.raw.source;
  return s.record !== undefined ? `${s.path}:${s.record}` : s.path;
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
