import { persistEntities } from "../annotate/entities/persist.js";
import { createClusterHook } from "../cluster/hook.js";
import { searchHook } from "../search/hook.js";
import type { Store } from "../store/store.js";
import type { IngestHook } from "./hooks.js";

const entitiesHook: IngestHook = {
  name: "entities",
  run: (tx, articles) => persistEntities(tx, articles),
};

/**
 * The hooks every ingest runs, in order, inside each batch's transaction: the search index, the entity registry,
 * then duplicates and stories (clustering reads the entities the batch just stored).
 */
export async function defaultHooks(store: Store): Promise<IngestHook[]> {
  return [searchHook, entitiesHook, await createClusterHook(store)];
}
