import type { StorePipeline } from "../assemble/for-store.js";
import type { Store } from "../store/store.js";
import { pollFeed, type PollReport } from "../watch/poll.js";
import { listSources } from "./sources.js";

export interface DeskPollerOptions {
  /** How often the list of sources is read again (a source added from another process is picked up by then). */
  tickMs?: number;
  /** Feeds fetched at the same time. */
  concurrency?: number;
  timeoutMs?: number;
  onPoll?: (r: PollReport) => void;
  onError?: (message: string) => void;
}

export interface DeskPoller {
  /** Wakes the poller now (a source was just added or resumed). */
  poke(): void;
  /** Stops taking new polls and waits for the ones in flight. */
  stop(): Promise<void>;
}

/**
 * The watcher inside `rasd serve`: polls every followed, unpaused source when its schedule (kept in the store, with
 * its back-off) says so, through the watcher's own poll (`pollFeed`: the items, the record that they were seen and
 * the feed's state in one transaction). Sources come from the store, so adding one from the sources page, the API
 * or `rasd sources add` in another terminal takes effect within a tick.
 */
export function startDeskPoller(
  store: Store,
  pipelineOf: () => Promise<StorePipeline>,
  opts: DeskPollerOptions = {},
): DeskPoller {
  // Loaded at the first poll: a server with no source never pays for the pipeline (the entity registry, the models).
  let pipeline: Promise<StorePipeline> | undefined;
  const tickMs = opts.tickMs ?? 1000;
  const concurrency = opts.concurrency ?? 4;
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  // One batch stored at a time by this process (the pipeline's hooks keep memory between batches).
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => {});
    return next;
  };
  let ticking: Promise<void> = Promise.resolve();

  const tick = async () => {
    if (stopped) return;
    const now = Date.now();
    const due = (await listSources(store.db, now)).filter(
      (s) => !s.paused && s.nextPollMs <= now && !inFlight.has(s.url),
    );
    for (const s of due) {
      if (inFlight.size >= concurrency) break;
      pipeline ??= pipelineOf();
      const p = pipeline
        .then((stages) =>
          pollFeed(store, s.url, s.intervalS, {
            ...stages,
            exclusive,
            ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
          }),
        )
        .then((r) => opts.onPoll?.(r))
        .catch((e: unknown) => opts.onError?.(`rasd serve: polling ${s.url}: ${(e as Error).message}`))
        .finally(() => {
          inFlight.delete(s.url);
          if (!stopped) schedule(0);
        });
      inFlight.set(s.url, p);
    }
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      ticking = ticking
        .then(tick)
        .catch((e: unknown) => opts.onError?.(`rasd serve: reading the sources: ${(e as Error).message}`))
        .finally(() => {
          if (!stopped) schedule(tickMs);
        });
    }, ms);
  };
  schedule(0);

  return {
    poke: () => {
      if (!stopped) schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await ticking;
      await Promise.all(inFlight.values());
    },
  };
}
