import { SharedRegistry } from "../annotate/entities/registry-log.js";
import type { Stage } from "../core/stage.js";
import type { Store } from "../store/store.js";
import type { StageThreads } from "../pipeline/pool.js";
import type { SharedStages } from "../pipeline/shared.js";
import type { IngestHook } from "../store/hooks.js";
import { defaultHooks } from "./hooks.js";
import { storeStageParts } from "./stages.js";
import { stagePool } from "./threads.js";

export interface StorePipeline {
  /** Every stage, in order: what one process ingesting alone runs. */
  stages: Stage[];
  hooks: IngestHook[];
  /** The same stages split for writers side by side (queue workers, a watcher beside them). */
  shared: SharedStages;
  /** The stage threads, when asked for more than one (`--threads N`); close them with `close`. */
  threads?: StageThreads;
  /** Stops the stage threads (idle threads do not keep the process alive, so a command may also just return). */
  close(): Promise<void>;
}

/**
 * The stages and hooks for ingesting into `store`. The entity registry is the store's (the entity log replayed),
 * so names learned in earlier runs, or by other workers, link new articles to the same entities; the hooks persist
 * what each batch adds, and log the registry's changes. With `threads` above 1, the stages that need nothing but the
 * document run in that many worker threads (the threads' own copies of them: threads.ts), the rest here.
 */
export async function pipelineFor(store: Store, opts: { threads?: number } = {}): Promise<StorePipeline> {
  const registry = await SharedRegistry.load(store.db);
  const parts = storeStageParts({ registry: registry.registry });
  const n = opts.threads ?? 1;
  const threads = n > 1 ? { pool: stagePool(n), rest: parts.shared } : undefined;
  return {
    ...(threads !== undefined ? { threads } : {}),
    close: async () => threads?.pool.close(),
    stages: [...parts.parallel, ...parts.shared],
    hooks: await defaultHooks(store, registry),
    shared: {
      before: parts.parallel,
      stages: parts.shared,
      sync: (tx) => registry.sync(tx),
      spoil: () => registry.spoil(),
    },
  };
}
