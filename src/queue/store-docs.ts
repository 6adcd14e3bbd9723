import { DocContext } from "../core/context.js";
import { messageOf, type RasdError } from "../core/errors.js";
import type { Doc, RawDoc, Stage } from "../core/stage.js";
import type { Article } from "../core/types.js";
import type { IngestHook } from "../pipeline/hooks.js";
import { contentHash } from "../pipeline/identity.js";
import { decodeDoc } from "../pipeline/decode-stage.js";
import { runMoreStages, runStages } from "../pipeline/run.js";
import type { SharedStages } from "../pipeline/shared.js";
import { existingIds, insertArticles, type ArticleRow } from "../store/articles.js";
import type { Sql } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { INGEST_LOCK } from "./serialise.js";

/** One document to store: what a source reader, a feed poll or a queued job hands over. */
export interface DocInput {
  raw: RawDoc;
  sourceKey: string;
}

export interface DocFailure {
  input: string;
  code: RasdError["code"];
  reason: string;
}

export interface StoreDocsReport {
  stored: number;
  existing: number;
  failures: DocFailure[];
  /** The article id of each input, in input order (undefined where the input failed). */
  ids: (string | undefined)[];
  /** Seconds in the per-document stages (parallel across workers) and in the storing transaction (hooks run one batch at a time). */
  stageSeconds: number;
  storeSeconds: number;
}

export interface StoreDocsOptions {
  /** The per-document stages; with `shared`, its split of them is run instead. */
  stages: readonly Stage[];
  /** The stages split: `before` outside any lock, the rest in the transaction under the ingest lock (workers). */
  shared?: SharedStages;
  hooks?: readonly IngestHook[];
  /** Runs after the pipeline, before the storing transaction begins (a queue job waits for its turn there). */
  beforeStore?: () => Promise<void>;
  /** More work for the same transaction (the watcher's seen-item keys): all of it lands with the articles or none. */
  within?: (tx: Sql, ids: readonly (string | undefined)[]) => Promise<void>;
}

function inputName(raw: RawDoc): string {
  return raw.source.record !== undefined ? `${raw.source.path}:${raw.source.record}` : raw.source.path;
}

function failure(raw: RawDoc, e: unknown): DocFailure {
  const code = e !== null && typeof e === "object" && "code" in e ? (e as RasdError).code : "INTERNAL";
  return { input: inputName(raw), code, reason: messageOf(e) };
}

/**
 * Runs a batch of documents through the pipeline and stores the new ones with everything the hooks derive, in ONE
 * transaction — the same contract as `ingest` (pipeline/ingest.ts), for callers that hold documents rather than
 * paths: queue jobs and feed polls. Already-stored documents are recognised by id before any extraction is spent on
 * them, so a retried job or a re-polled feed costs little and stores nothing twice.
 */
export async function storeDocs(
  store: Store,
  docs: readonly DocInput[],
  opts: StoreDocsOptions,
): Promise<StoreDocsReport> {
  const report: StoreDocsReport = {
    stored: 0,
    existing: 0,
    failures: [],
    ids: docs.map(() => undefined),
    stageSeconds: 0,
    storeSeconds: 0,
  };
  const t0 = performance.now();
  const identified: { i: number; id: string }[] = [];
  docs.forEach((d, i) => {
    try {
      identified.push({ i, id: decodeDoc(d.raw, d.sourceKey, new DocContext(d.raw.source.path)).article.id });
    } catch (e) {
      report.failures.push(failure(d.raw, e));
    }
  });
  const known = await existingIds(
    store.db,
    identified.map((x) => x.id),
  );
  const seen = new Set<string>();
  const rows: ArticleRow[] = [];
  const staged: Array<{ i: number; row: ArticleRow; doc: Doc; ctx: DocContext }> = [];
  for (const { i, id } of identified) {
    const d = docs[i]!;
    if (known.has(id) || seen.has(id)) {
      report.ids[i] = id;
      report.existing++;
      continue;
    }
    seen.add(id);
    try {
      const ctx = new DocContext(d.raw.source.path);
      const doc = await runStages(d.raw, d.sourceKey, opts.shared?.before ?? opts.stages, ctx);
      const a = doc.article;
      const row: ArticleRow = {
        article: a,
        sourceKey: d.sourceKey,
        contentHash: contentHash(a),
        url: d.raw.meta?.url ?? d.raw.source.url ?? null,
        outlet: a.publisher.name ?? d.raw.meta?.outlet ?? null,
      };
      rows.push(row);
      staged.push({ i, row, doc, ctx });
      report.ids[i] = a.id;
    } catch (e) {
      report.failures.push(failure(d.raw, e));
    }
  }
  const t1 = performance.now();
  report.stageSeconds = (t1 - t0) / 1000;
  if (rows.length === 0 && opts.within === undefined) return report;
  await opts.beforeStore?.();
  const shared = opts.shared;
  const transaction = store.db.transaction(async (tx) => {
    let batch = rows;
    if (shared !== undefined) batch = await runShared(tx, shared, staged, report);
    const ids = await insertArticles(tx, batch);
    const fresh = batch.filter((r) => ids.has(r.article.id));
    if (fresh.length > 0) {
      const articles: Article[] = fresh.map((r) => r.article);
      for (const hook of opts.hooks ?? []) await hook.run(tx, articles, fresh);
    }
    await opts.within?.(tx, report.ids);
    return { inserted: ids.size, attempted: batch.length };
  });
  const { inserted, attempted } = await transaction.catch((e: unknown) => {
    shared?.spoil();
    throw e;
  });
  report.stored += inserted;
  report.existing += attempted - inserted;
  report.storeSeconds = (performance.now() - t1) / 1000;
  return report;
}

/**
 * The shared stages, one batch at a time: takes the ingest lock (held to COMMIT), brings the shared state up to
 * every batch committed before, then runs the stages on each document in input order — as one process would.
 * A document a stage refuses is reported and left out; the rest go on.
 */
async function runShared(
  tx: Sql,
  shared: SharedStages,
  staged: ReadonlyArray<{ i: number; row: ArticleRow; doc: Doc; ctx: DocContext }>,
  report: StoreDocsReport,
): Promise<ArticleRow[]> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [INGEST_LOCK]);
  await shared.sync(tx);
  const out: ArticleRow[] = [];
  for (const s of staged) {
    try {
      await runMoreStages(s.doc, s.ctx, shared.stages);
      out.push(s.row);
    } catch (e) {
      report.failures.push(failure(s.doc.raw, e));
      report.ids[s.i] = undefined;
    }
  }
  return out;
}
