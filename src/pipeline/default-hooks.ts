import { persistEntities } from "../annotate/entities/persist.js";
import { createClusterHook } from "../cluster/hook.js";
import { serialiseHook } from "../queue/serialise.js";
import { searchHook } from "../search/hook.js";
import type { Store } from "../store/store.js";
import type { IngestHook } from "./hooks.js";

const entitiesHook: IngestHook = {
  name: "entities",
  run: (tx, articles) => persistEntities(tx, articles),
};

/**
 * The hooks every ingest runs, in order, inside each batch's transaction: first the lock that serialises the
 * cross-article decisions of concurrent writers (several workers on one PostgreSQL), then the search index, the
 * entity registry, duplicates and stories (clustering reads the entities the batch just stored).
 */
export async function defaultHooks(store: Store): Promise<IngestHook[]> {
  return [serialiseHook(), searchHook, entitiesHook, await createClusterHook(store)];
}
