import { alertsHook } from "../alerts/hook.js";
import { entitiesHook } from "../annotate/entities/hook.js";
import type { SharedRegistry } from "../annotate/entities/registry-log.js";
import { createClusterHook } from "../cluster/hook.js";
import { searchHook } from "../search/hook.js";
import type { IngestHook } from "../store/hooks.js";
import type { Store } from "../store/store.js";

/**
 * The hooks every ingest runs, in order, inside each batch's transaction and under the ingest lock the storing
 * step takes (store/locks.ts): the search index, the entity registry, then duplicates and stories (clustering
 * reads the entities the batch just stored). With the registry the stages link with (pipelineFor), its changes are
 * logged too, so that the next run, and other workers, link names exactly as this one did.
 */
export async function defaultHooks(store: Store, registry?: SharedRegistry): Promise<IngestHook[]> {
  // Alerts last: they need each article's story, and land in the same transaction (docs/desk.md).
  return [searchHook, entitiesHook(registry), await createClusterHook(store), alertsHook];
}
