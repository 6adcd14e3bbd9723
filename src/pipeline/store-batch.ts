import { DocContext } from "../core/context.js";
import { isRasdError } from "../core/errors.js";
import { inputLabel } from "../core/label.js";
import type { Doc, RawDoc, Stage } from "../core/stage.js";
import { existingIds, insertArticles, type ArticleRow } from "../store/articles.js";
import type { IngestHook } from "../store/hooks.js";
import { takeIngestLock } from "../store/locks.js";
import type { Sql } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { decodeDoc } from "./decode-stage.js";
import { failure, type DocFailure } from "./failure.js";
import { contentHash } from "./identity.js";
import type { PoolResult, StageThreads } from "./pool.js";
import { runMoreStages, runStages } from "./run.js";
import type { SharedStages } from "./shared.js";

/** One document to store: what a source reader, a feed poll or a queued job hands over. */
export interface DocInput {
  raw: RawDoc;
  sourceKey: string;
}

export interface StoreBatchOptions {
  /** The per-document stages; with `shared`, its split of them is run instead. */
  stages: readonly Stage[];
  /** The stages split: `before` outside any lock, the rest in the transaction under the ingest lock (workers). */
  shared?: SharedStages | undefined;
  hooks?: readonly IngestHook[] | undefined;
  /**
   * Worker threads for the stages that need nothing but the document (pool.ts); the rest still run here, in input
   * order, so what is stored is what one thread stores. Without it, or for a batch too small to be worth it, every
   * stage runs in this thread.
   */
  threads?: StageThreads | undefined;
  /**
   * Runs after the pipeline, before the storing transaction begins (a queue job waits for its turn there). It may
   * call `follow` while it waits: that catches the shared state up with what other writers committed meanwhile.
   */
  beforeStore?: ((follow: () => Promise<void>) => Promise<void>) | undefined;
  /**
   * More work that must land with the articles (the watcher's seen-item keys and feed state), given the article id
   * of each input (undefined where it failed). In the batch's transaction; when the batch has to be stored one
   * document at a time, in a transaction of its own after them (a crash between leaves the items unseen, and the
   * next poll finds their articles stored).
   */
  within?: ((tx: Sql, ids: readonly (string | undefined)[]) => Promise<void>) | undefined;
}

export interface BatchReport {
  /** Articles this batch stored. */
  stored: number;
  /** Documents already stored (same source and content), found before or while storing. */
  existing: number;
  failures: DocFailure[];
  /** The article id of each input, in input order (undefined where the input failed). */
  ids: (string | undefined)[];
  /** Warnings and errors recorded on the articles stored. */
  diagnostics: number;
  /** Seconds in the per-document stages (parallel across workers) and in storing (one batch at a time). */
  stageSeconds: number;
  storeSeconds: number;
  /**
   * Of storeSeconds: waiting for the ingest lock, and holding it (from its grant to the end of COMMIT); summed over
   * the batch's transactions (one, or one per document when the batch had to be stored one at a time).
   */
  lockWaitSeconds: number;
  lockSeconds: number;
}

/** A document through the stages that need nothing but itself, waiting for the storing transaction. */
interface Staged {
  /** Its place in the batch. */
  i: number;
  input: DocInput;
  doc: Doc;
  ctx: DocContext;
}

/** A batch decoded, identified and checked against the store, its documents maybe already in the threads. */
export interface PreparedBatch {
  docs: readonly DocInput[];
  report: BatchReport;
  started: number;
  /** The documents still to process, by place in the batch. */
  todo: { i: number; input: DocInput }[];
  /** What the stage threads answer for `todo`, in the same order, when the batch went to them. */
  pooled?: Promise<PoolResult[]> | undefined;
}

/** Fewer new documents than this are processed here: starting the threads would cost more than it saves. */
const POOL_MIN_DOCS = 8;

/** What one storing transaction did; applied to the report only once it committed. */
interface Committed {
  inserted: number;
  attempted: number;
  diagnostics: number;
  /** Documents the shared stages refused, by place in the batch. */
  refused: { i: number; failure: DocFailure }[];
}

/** The failure of one document, named by its input label (`path` or `path:record`). */
function failureOf(raw: RawDoc, e: unknown): DocFailure {
  return failure(inputLabel(raw.source), e);
}

/** The store itself failing (disk full, server gone): nothing more can be stored, so the caller must stop. */
function isStoreFailure(e: unknown): boolean {
  return isRasdError(e) && e.code === "STORE";
}

/**
 * THE way rasd stores documents — `rasd ingest`, queue workers and feed polls all call it. For a batch:
 *
 *   decode + id ─ drop the ids already stored ─ stages ─ hooks' prepare ─ [sync ─ hooks' follow] ─┐
 *   transaction: ingest lock ─ [sync ─ shared stages] ─ insert ─ hooks ─ within ─ COMMIT
 *
 * Already-stored documents are recognised by id before any extraction is spent on them, so a re-run, a retried
 * job or a re-polled feed costs little and stores nothing twice. A document that fails to decode or that a stage
 * refuses is reported and left out. When the transaction fails for a reason other than the store itself, the
 * batch is stored again one document at a time, so one document a hook cannot take costs only itself, never its
 * batch, its job or its feed's poll; a store failure (RasdError STORE) is thrown: nothing more can be stored.
 */
export async function storeBatch(
  store: Store,
  docs: readonly DocInput[],
  opts: StoreBatchOptions,
): Promise<BatchReport> {
  return storePrepared(store, await prepareBatch(store, docs, opts), opts);
}

/**
 * The first half of storeBatch: decode and id every document, drop those already stored (or twice in the batch),
 * and hand the rest to the stage threads, without waiting for them. Nothing here depends on the order of batches,
 * so `rasd ingest` prepares batch k+1 (and the threads work on it) while this thread stores batch k.
 */
export async function prepareBatch(
  store: Store,
  docs: readonly DocInput[],
  opts: StoreBatchOptions,
): Promise<PreparedBatch> {
  const report: BatchReport = {
    stored: 0,
    existing: 0,
    failures: [],
    ids: docs.map(() => undefined),
    diagnostics: 0,
    stageSeconds: 0,
    storeSeconds: 0,
    lockWaitSeconds: 0,
    lockSeconds: 0,
  };
  const started = performance.now();
  const todo = await newDocs(store, docs, report);
  const pool = opts.threads !== undefined && todo.length >= POOL_MIN_DOCS ? opts.threads.pool : undefined;
  const pooled = pool?.run(todo.map((t) => t.input));
  // Until the batch's turn comes, a rejection is not unhandled: it is rethrown where the batch is stored.
  pooled?.catch(() => undefined);
  return { docs, report, started, todo, pooled };
}

/**
 * The second half of storeBatch: the stages that must see documents in order, then the storing transaction.
 * `recheck` looks the documents up in the store again first, for a batch prepared while the one before it was still
 * being stored (a copy in both is stored once, and linked once, as one batch after the other would).
 */
export async function storePrepared(
  store: Store,
  prepared: PreparedBatch,
  opts: StoreBatchOptions,
  recheck = false,
): Promise<BatchReport> {
  const report = prepared.report;
  const staged = await stage(store, prepared, opts, recheck);
  prepare(staged, opts);
  const t1 = performance.now();
  report.stageSeconds = (t1 - prepared.started) / 1000;
  if (staged.length === 0 && opts.within === undefined) return report;
  if (staged.length > 0) {
    await follow(store, opts);
    await opts.beforeStore?.(() => follow(store, opts));
  } else {
    await opts.beforeStore?.(async () => {});
  }
  try {
    apply(report, await commit(store, staged, opts, report.ids, true, report));
  } catch (e) {
    opts.shared?.spoil();
    if (isStoreFailure(e)) throw e;
    await oneByOne(store, staged, opts, report, e);
  }
  report.storeSeconds = (performance.now() - t1) / 1000;
  return report;
}

/** Decode and id every document; those neither already stored nor twice in the batch, in order. */
async function newDocs(
  store: Store,
  docs: readonly DocInput[],
  report: BatchReport,
): Promise<{ i: number; input: DocInput }[]> {
  const identified: { i: number; id: string }[] = [];
  docs.forEach((d, i) => {
    try {
      identified.push({ i, id: decodeDoc(d.raw, d.sourceKey, new DocContext(d.raw.source.path)).article.id });
    } catch (e) {
      report.failures.push(failureOf(d.raw, e));
    }
  });
  const known = await existingIds(
    store.db,
    identified.map((x) => x.id),
  );
  const seen = new Set<string>();
  const todo: { i: number; input: DocInput }[] = [];
  for (const { i, id } of identified) {
    report.ids[i] = id;
    if (known.has(id) || seen.has(id)) {
      report.existing++;
      continue;
    }
    seen.add(id);
    todo.push({ i, input: docs[i]! });
  }
  return todo;
}

/** The first stages on every new document, here or by the threads, then the rest of them here, in input order. */
async function stage(store: Store, p: PreparedBatch, opts: StoreBatchOptions, recheck: boolean): Promise<Staged[]> {
  const report = p.report;
  const results = await p.pooled;
  let todo = p.todo.map((t, k) => ({ ...t, result: results?.[k] }));
  if (recheck && todo.length > 0) {
    const known = await existingIds(
      store.db,
      todo.map((t) => report.ids[t.i]!),
    );
    report.existing += todo.filter((t) => known.has(report.ids[t.i]!)).length;
    todo = todo.filter((t) => !known.has(report.ids[t.i]!));
  }
  const staged: Staged[] = [];
  for (const { i, input, result } of todo) {
    if (result?.ok === false) {
      report.failures.push(result.failure);
      report.ids[i] = undefined;
      continue;
    }
    try {
      staged.push(
        result === undefined ? await firstStages(i, input, opts) : await afterThreads(i, input, result.doc, opts),
      );
    } catch (e) {
      report.failures.push(failureOf(input.raw, e));
      report.ids[i] = undefined;
    }
  }
  return staged;
}

/** A document back from the threads: its messages so far kept, and (without split stages) the rest of its stages. */
async function afterThreads(
  i: number,
  input: DocInput,
  done: Omit<Doc, "raw">,
  opts: StoreBatchOptions,
): Promise<Staged> {
  const ctx = new DocContext(input.raw.source.path);
  ctx.messages.push(...done.article.messages);
  const doc: Doc = { raw: input.raw, ...done };
  if (opts.shared === undefined) await runMoreStages(doc, ctx, opts.threads?.rest ?? []);
  return { i, input, doc, ctx };
}

async function firstStages(i: number, input: DocInput, opts: StoreBatchOptions): Promise<Staged> {
  const ctx = new DocContext(input.raw.source.path);
  const doc = await runStages(input.raw, input.sourceKey, opts.shared?.before ?? opts.stages, ctx);
  return { i, input, doc, ctx };
}

/**
 * The hooks' work on each article that needs nothing but the article, outside the lock. Only a head start: a hook
 * whose `prepare` fails does the work in `run` (where a failure is the document's), so its error is not this step's.
 */
function prepare(staged: readonly Staged[], opts: StoreBatchOptions): void {
  if (staged.length === 0) return;
  const articles = staged.map((s) => s.doc.article);
  for (const hook of opts.hooks ?? []) {
    try {
      hook.prepare?.(articles);
    } catch {
      // run() redoes it, and reports the article it fails on
    }
  }
}

/**
 * Catches the shared state (entity registry, hooks' memories) up with what other writers committed, outside the
 * lock: once before waiting for the turn and again while waiting (beforeStore), so that the transaction under it
 * replays only what was committed since the last call, mostly the batch just before. On N workers each replays the
 * others' N−1 batches in N; under the lock (or after the turn) that replay would make the serial part grow with N.
 * Only a head start, as `prepare`: a failure spoils the shared registry (rebuilt under the lock) unless the store
 * itself failed.
 */
async function follow(store: Store, opts: StoreBatchOptions): Promise<void> {
  try {
    await opts.shared?.sync(store.db);
    for (const hook of opts.hooks ?? []) await hook.follow?.(store.db);
  } catch (e) {
    opts.shared?.spoil();
    if (isStoreFailure(e)) throw e;
  }
}

function rowOf(s: Staged): ArticleRow {
  const a = s.doc.article;
  const raw = s.input.raw;
  return {
    article: a,
    sourceKey: s.input.sourceKey,
    contentHash: contentHash(a),
    url: raw.meta?.url ?? raw.source.url ?? null,
    outlet: a.publisher.name ?? raw.meta?.outlet ?? null,
  };
}

/** One storing transaction for `staged`, under the ingest lock; `withWithin` adds the caller's own work to it. */
function commit(
  store: Store,
  staged: readonly Staged[],
  opts: StoreBatchOptions,
  ids: readonly (string | undefined)[],
  withWithin: boolean,
  times?: Pick<BatchReport, "lockWaitSeconds" | "lockSeconds">,
): Promise<Committed> {
  let locked: number | undefined;
  const done = store.db.transaction(async (tx) => {
    // Only articles need the lock: a feed poll that found nothing new records its state without waiting for workers.
    if (staged.length > 0) {
      const t = performance.now();
      await takeIngestLock(tx);
      locked = performance.now();
      if (times) times.lockWaitSeconds += (locked - t) / 1000;
    }
    const refused: Committed["refused"] = [];
    let ready: Staged[] = [...staged];
    const shared = opts.shared;
    if (shared !== undefined) {
      // Bring the shared state up to every batch committed before, then run the shared stages in input order, as
      // one process would. A document a stage refuses is left out; the rest go on.
      await shared.sync(tx);
      ready = [];
      for (const s of staged) {
        try {
          await runMoreStages(s.doc, s.ctx, shared.stages);
          ready.push(s);
        } catch (e) {
          refused.push({ i: s.i, failure: failureOf(s.input.raw, e) });
        }
      }
    }
    const rows = ready.map(rowOf);
    const inserted = await insertArticles(tx, rows);
    const fresh = rows.filter((r) => inserted.has(r.article.id));
    if (fresh.length > 0) {
      const articles = fresh.map((r) => r.article);
      for (const hook of opts.hooks ?? []) await hook.run(tx, articles, fresh);
    }
    if (withWithin && opts.within !== undefined) {
      const final = [...ids];
      for (const r of refused) final[r.i] = undefined;
      await opts.within(tx, final);
    }
    const diagnostics = fresh.reduce((n, r) => n + r.article.messages.filter((m) => m.severity !== "info").length, 0);
    return { inserted: inserted.size, attempted: rows.length, diagnostics, refused };
  });
  // Held to the end of COMMIT (or ROLLBACK): a transaction-scoped lock.
  const held = () => {
    if (times && locked !== undefined) times.lockSeconds += (performance.now() - locked) / 1000;
  };
  return done.finally(held);
}

function apply(report: BatchReport, c: Committed): void {
  report.stored += c.inserted;
  report.existing += c.attempted - c.inserted;
  report.diagnostics += c.diagnostics;
  for (const r of c.refused) {
    report.failures.push(r.failure);
    report.ids[r.i] = undefined;
  }
}

/**
 * The batch's transaction failed on something other than the store: store each document in a transaction of its
 * own, and report the ones that still fail, by name. With shared stages, the failed try ran them on the documents
 * already (and the shared state was spoilt), so each document goes through its first stages again from its input:
 * rare, and the only way to link it exactly once.
 */
async function oneByOne(
  store: Store,
  staged: readonly Staged[],
  opts: StoreBatchOptions,
  report: BatchReport,
  batchError: unknown,
): Promise<void> {
  const refuse = (s: Staged, e: unknown) => {
    report.failures.push(failureOf(s.input.raw, e));
    report.ids[s.i] = undefined;
  };
  if (staged.length === 1) {
    refuse(staged[0]!, batchError);
  } else {
    for (const first of staged) {
      let s = first;
      try {
        if (opts.shared !== undefined) s = await firstStages(first.i, first.input, opts);
        apply(report, await commit(store, [s], opts, report.ids, false, report));
      } catch (e) {
        opts.shared?.spoil();
        if (isStoreFailure(e)) throw e;
        refuse(s, e);
      }
    }
  }
  const within = opts.within;
  if (within !== undefined) await store.db.transaction((tx) => within(tx, report.ids));
}
