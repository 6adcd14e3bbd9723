import { SharedRegistry } from "../annotate/entities/registry-log.js";
import type { Stage } from "../core/stage.js";
import type { Store } from "../store/store.js";
import type { SharedStages } from "../pipeline/shared.js";
import type { IngestHook } from "../store/hooks.js";
import { defaultHooks } from "./hooks.js";
import { createStageParts } from "./stages.js";

export interface StorePipeline {
  /** Every stage, in order: what one process ingesting alone runs. */
  stages: Stage[];
  hooks: IngestHook[];
  /** The same stages split for writers side by side (queue workers, a watcher beside them). */
  shared: SharedStages;
}

/**
 * The stages and hooks for ingesting into `store`. The entity registry is the store's (the entity log replayed),
 * so names learned in earlier runs, or by other workers, link new articles to the same entities; the hooks persist
 * what each batch adds, and log the registry's changes.
 */
export async function pipelineFor(store: Store): Promise<StorePipeline> {
  const registry = await SharedRegistry.load(store.db);
  const parts = createStageParts({ registry: registry.registry });
  return {
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
