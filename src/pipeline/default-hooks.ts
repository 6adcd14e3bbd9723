import { createClusterHook } from "../cluster/hook.js";
import type { Store } from "../store/store.js";
import type { IngestHook } from "./hooks.js";

/** The hooks every ingest runs, in order (search index, entity registry, duplicates, stories), opened on `store`. */
export async function defaultHooks(store: Store): Promise<IngestHook[]> {
  return [await createClusterHook(store)];
}
