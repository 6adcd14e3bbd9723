import { join } from "node:path";
import { persistEntities } from "../../src/annotate/entities/persist.js";
import { loadHasher } from "../../src/core/hash.js";
import { projectRoot } from "../../src/core/paths.js";
import { defaultHooks } from "../../src/assemble/hooks.js";
import type { IngestHook } from "../../src/store/hooks.js";
import { ingest, type IngestReport } from "../../src/pipeline/ingest.js";
import { createStages } from "../../src/assemble/stages.js";
import { searchHook } from "../../src/search/index.js";
import { Store } from "../../src/store/store.js";

export const SAMPLE = join(projectRoot(), "sample");

/**
 * The ingest hooks of a full ingest: the default ones, plus the search index and the entity registry when the
 * defaults do not run them yet (so the server is tested on a store shaped like production's).
 */
export async function fullHooks(store: Store): Promise<IngestHook[]> {
  const hooks = await defaultHooks(store);
  const names = new Set(hooks.map((h) => h.name));
  if (!names.has("search")) hooks.unshift(searchHook);
  if (!names.has("entities")) hooks.unshift({ name: "entities", run: (tx, articles) => persistEntities(tx, articles) });
  return hooks;
}

export async function ingestPaths(store: Store, paths: string[]): Promise<IngestReport> {
  await loadHasher();
  return ingest(store, { paths, stages: createStages(), hooks: await fullHooks(store) });
}

/** A fresh in-memory store with the sample corpus ingested. */
export async function sampleStore(dir = "memory://"): Promise<{ store: Store; report: IngestReport }> {
  const store = await Store.open({ dir });
  const report = await ingestPaths(store, [SAMPLE]);
  return { store, report };
}
