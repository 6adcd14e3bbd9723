import { reasonError, said } from "../i18n/reasons.js";
import type { Store } from "../store/store.js";
import { pollFeed, type PollEnv, type PollReport } from "./poll.js";
import { loadFeed, registerFeed } from "./state.js";

export interface WatchOptions extends PollEnv {
  urls: readonly string[];
  /** Seconds between polls of a healthy feed. Default 300; at least 0.05 (tests), and be kind to servers. */
  intervalS?: number;
  /** Poll every feed once, now, and return (for cron). Default false: keep polling until `signal` aborts. */
  once?: boolean;
  /** Feeds fetched at the same time. Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  onPoll?: (r: PollReport) => void;
}

export interface WatchReport {
  polls: number;
  notModified: number;
  errors: number;
  new: number;
  stored: number;
  existing: number;
  failed: number;
  seconds: number;
}

/** Checks the URLs before any network work: http(s) only, so a typo fails at once with a useful message. */
export function checkFeedUrls(urls: readonly string[]): void {
  for (const u of urls) {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      throw reasonError("USAGE", said("notAUrl", { url: u }), { input: u });
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw reasonError("USAGE", said("notHttp", { url: u }), { input: u });
    }
  }
}

/** A one-at-a-time queue: polls fetch and extract in parallel, but store one batch at a time (hooks keep memory). */
function serialQueue(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => {});
    return next;
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** At most `n` calls of the returned function's argument run at a time. */
function semaphore(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>) => {
    // A finishing call hands its slot straight to the next waiter, so `active` never exceeds n.
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/**
 * Watches feeds: each is polled when due (its own schedule, kept in the store, so a restart keeps the rhythm and
 * the back-off), new items are ingested, and a failing feed only delays itself. Returns when `once` is set or the
 * signal aborts (the polls in flight finish first).
 */
export async function watchFeeds(store: Store, opts: WatchOptions): Promise<WatchReport> {
  const t0 = performance.now();
  checkFeedUrls(opts.urls);
  const intervalS = Math.max(0.05, opts.intervalS ?? 300);
  const now = opts.now ?? Date.now;
  const urls = [...new Set(opts.urls)];
  for (const u of urls) await registerFeed(store.db, u, intervalS);
  const report: WatchReport = {
    polls: 0,
    notModified: 0,
    errors: 0,
    new: 0,
    stored: 0,
    existing: 0,
    failed: 0,
    seconds: 0,
  };
  const env: PollEnv = { ...opts, exclusive: opts.exclusive ?? serialQueue() };
  const poll = async (url: string) => {
    const r = await pollFeed(store, url, intervalS, env);
    report.polls++;
    if (r.outcome === "not-modified") report.notModified++;
    if (r.outcome === "error") report.errors++;
    report.new += r.new;
    report.stored += r.stored;
    report.existing += r.existing;
    report.failed += r.failures.length;
    opts.onPoll?.(r);
  };
  const limited = semaphore(opts.concurrency ?? 4);
  if (opts.once) {
    await Promise.all(urls.map((u) => limited(() => poll(u))));
  } else {
    // One loop per feed: a slow or failing feed waits on its own schedule and never holds the others back.
    await Promise.all(
      urls.map(async (u) => {
        while (!opts.signal?.aborted) {
          const wait = ((await loadFeed(store.db, u))?.nextPollMs ?? 0) - now();
          if (wait > 0) await sleep(Math.min(wait, 60_000), opts.signal);
          else await limited(() => poll(u));
        }
      }),
    );
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}
