import { loadRegistry } from "../annotate/entities/persist.js";
import type { Stage } from "../core/stage.js";
import type { Store } from "../store/store.js";
import { defaultHooks } from "./default-hooks.js";
import type { IngestHook } from "./hooks.js";
import { createStages } from "./stages.js";

/**
 * The stages and hooks for ingesting into `store`: the entity registry is loaded from the store, so names learned
 * in earlier runs link new articles to the same entities, and the hooks persist what each batch adds.
 */
export async function pipelineFor(store: Store): Promise<{ stages: Stage[]; hooks: IngestHook[] }> {
  const registry = await loadRegistry(store.db);
  return { stages: createStages({ registry }), hooks: await defaultHooks(store) };
}
