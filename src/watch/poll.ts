import { isRasdError, messageOf } from "../core/errors.js";
import type { Stage } from "../core/stage.js";
import type { StageThreads } from "../pipeline/pool.js";
import type { SharedStages } from "../pipeline/shared.js";
import type { DocFailure } from "../pipeline/failure.js";
import { storeBatch, type DocInput } from "../pipeline/store-batch.js";
import type { IngestHook } from "../store/hooks.js";
import type { Store } from "../store/store.js";
import { FetchError, conditionalGet } from "./http.js";
import { feedItems, pageDoc, type WatchItem } from "./items.js";
import { nextPollDelay } from "./schedule.js";
import { loadFeed, markSeen, registerFeed, saveFeed, unseenKeys, type FeedState } from "./state.js";

/** What one poll of one feed did. */
export interface PollReport {
  url: string;
  /** `not-modified` (304), `ok` (200, read), or `error`. */
  outcome: "not-modified" | "ok" | "error";
  items: number;
  /** Items not seen before. */
  new: number;
  stored: number;
  /** New items whose article was already stored (same page reached through another feed). */
  existing: number;
  /** New items whose linked page could not be fetched this time; retried at the next poll. */
  deferred: number;
  failures: DocFailure[];
  /** Linked pages fetched (items that carried only a summary). */
  pages: number;
  /** Items that are no article (no title, link or text), reported here rather than dropped silently. */
  broken: number;
  notes: string[];
  /** The same notes in Arabic, for a person (the English `notes` stay what scripts read). */
  notesAr: string[];
  error: string | null;
  /** The error in Arabic, for a person (`error` stays the English message scripts read). */
  errorAr: string | null;
  failuresInARow: number;
  nextPollMs: number;
}

export interface PollEnv {
  stages: readonly Stage[];
  hooks: readonly IngestHook[];
  /**
   * The stages split as workers run them (pipelineFor): with it, names are linked under the ingest lock against the
   * registry every writer of the store keeps in step, so a watcher beside workers links as they do.
   */
  shared?: SharedStages;
  /** Worker threads for the first stages (pipelineFor with `threads`), for polls that bring many items at once. */
  threads?: StageThreads | undefined;
  timeoutMs?: number;
  now?: () => number;
  random?: () => number;
  /** Runs the storing step; the watcher passes a queue so that one process stores one batch at a time. */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** The article document for a new item: its linked page when it carries only a summary, else its own text. */
async function itemInput(
  item: WatchItem,
  env: PollEnv,
): Promise<{ doc: DocInput; page: boolean } | { deferred: true }> {
  if (item.pageUrl === null) return { doc: item.doc, page: false };
  try {
    const r = await conditionalGet(item.pageUrl, {
      timeoutMs: env.timeoutMs ?? 30_000,
      accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    });
    if (r.kind === "ok") return { doc: pageDoc(item, r.url, r.body, r.contentType), page: true };
  } catch (e) {
    // Gone for good (404, 410, refused): the feed's summary is all there will be. Trouble that may pass: try later.
    if (e instanceof FetchError && e.transient) return { deferred: true };
  }
  return { doc: item.doc, page: false };
}

/**
 * Polls one feed: a conditional GET; on news, the unseen items go through the pipeline and are stored together with
 * the record that they were seen and the feed's new validators, in ONE transaction — so a crash at any point either
 * keeps all of it or none of it, and the restart neither repeats nor misses an item. A failure (network, HTTP
 * error, malformed feed) is counted and the next poll is pushed back exponentially; it never throws.
 */
export async function pollFeed(store: Store, url: string, intervalS: number, env: PollEnv): Promise<PollReport> {
  const now = env.now ?? Date.now;
  const state: FeedState = (await loadFeed(store.db, url)) ?? (await registerFeed(store.db, url, intervalS));
  const report: PollReport = {
    url,
    outcome: "ok",
    items: 0,
    new: 0,
    stored: 0,
    existing: 0,
    deferred: 0,
    failures: [],
    pages: 0,
    broken: 0,
    notes: [],
    notesAr: [],
    error: null,
    errorAr: null,
    failuresInARow: 0,
    nextPollMs: 0,
  };
  state.polls++;
  state.lastPolledMs = now();
  // If storing fails, the feed must be read again next time: the validators go back to what was committed.
  const committed = { etag: state.etag, lastModified: state.lastModified, items: state.items };
  try {
    const res = await conditionalGet(url, {
      etag: state.etag,
      lastModified: state.lastModified,
      timeoutMs: env.timeoutMs ?? 30_000,
    });
    if (res.kind === "not-modified") {
      report.outcome = "not-modified";
      settle(state, report, 304, null, env);
      await saveFeed(store.db, state);
      return report;
    }
    const feed = feedItems(url, res.body, res.contentType);
    report.items = feed.items.length;
    report.broken = feed.broken;
    report.notes = feed.notes;
    report.notesAr = feed.notesAr;
    const fresh = await unseenKeys(
      store.db,
      url,
      feed.items.map((i) => i.key),
    );
    const todo = feed.items.filter((i, n, all) => fresh.has(i.key) && all.findIndex((j) => j.key === i.key) === n);
    report.new = todo.length;
    const docs: DocInput[] = [];
    const taken: WatchItem[] = [];
    for (const item of todo) {
      const got = await itemInput(item, env);
      if ("deferred" in got) {
        report.deferred++;
        continue;
      }
      if (got.page) report.pages++;
      docs.push(got.doc);
      taken.push(item);
    }
    // Keep the old validators while items wait for their page: the next poll must see the feed again, not a 304.
    if (report.deferred === 0) {
      state.etag = res.etag;
      state.lastModified = res.lastModified;
    }
    settle(state, report, 200, null, env);
    state.items += taken.length;
    const run = env.exclusive ?? ((fn) => fn());
    const stored = await run(() =>
      storeBatch(store, docs, {
        stages: env.stages,
        shared: env.shared,
        hooks: env.hooks,
        threads: env.threads,
        within: async (tx, ids) => {
          await markSeen(
            tx,
            url,
            taken.map((item, i) => ({ key: item.key, articleId: ids[i] ?? null })),
            now(),
          );
          await saveFeed(tx, state);
        },
      }),
    );
    report.stored = stored.stored;
    report.existing = stored.existing;
    report.failures = stored.failures;
    return report;
  } catch (e) {
    report.outcome = "error";
    Object.assign(state, committed);
    const fe = e instanceof FetchError ? e : null;
    state.failures++;
    const error = { en: messageOf(e), ar: isRasdError(e) && e.ar !== undefined ? e.ar : null };
    settle(state, report, fe?.status ?? null, error, env, fe?.retryAfterMs ?? null);
    await saveFeed(store.db, state);
    return report;
  }
}

/** Records the outcome on the state and schedules the next poll (back-off after failures). */
function settle(
  state: FeedState,
  report: PollReport,
  status: number | null,
  error: { en: string; ar: string | null } | null,
  env: PollEnv,
  retryAfterMs: number | null = null,
): void {
  if (error === null) state.failures = 0;
  state.lastStatus = status;
  state.lastError = error?.en ?? null;
  state.lastErrorAr = error?.ar ?? null;
  // Counted from the end of this poll: the server never sees two requests closer than the interval (or back-off).
  state.nextPollMs =
    (env.now ?? Date.now)() + nextPollDelay(state.intervalS * 1000, state.failures, retryAfterMs, env.random);
  report.error = error?.en ?? null;
  report.errorAr = error?.ar ?? null;
  report.failuresInARow = state.failures;
  report.nextPollMs = state.nextPollMs;
}
