import { alertsHook } from "../alerts/hook.js";
import { persistEntities } from "../annotate/entities/persist.js";
import type { SharedRegistry } from "../annotate/entities/registry-log.js";
import { createClusterHook } from "../cluster/hook.js";
import { serialiseHook } from "../queue/serialise.js";
import { searchHook } from "../search/hook.js";
import type { Store } from "../store/store.js";
import type { IngestHook } from "./hooks.js";

function entitiesHook(registry: SharedRegistry | undefined): IngestHook {
  return {
    name: "entities",
    async run(tx, articles) {
      await persistEntities(tx, articles);
      await registry?.write(tx);
    },
  };
}

/**
 * The hooks every ingest runs, in order, inside each batch's transaction: first the lock that serialises the
 * cross-article decisions of concurrent writers (several workers on one PostgreSQL), then the search index, the
 * entity registry, duplicates and stories (clustering reads the entities the batch just stored). With the registry
 * the stages link with (pipelineFor), its changes are logged too, so that the next run, and other workers, link
 * names exactly as this one did.
 */
export async function defaultHooks(store: Store, registry?: SharedRegistry): Promise<IngestHook[]> {
  // Alerts last: they need each article's story, and land in the same transaction (docs/desk.md).
  return [serialiseHook(), searchHook, entitiesHook(registry), await createClusterHook(store), alertsHook];
}
