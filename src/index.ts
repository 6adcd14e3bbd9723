/**
 * rasd as a library: the public surface. Everything here is stable across minor versions (a test pins the names);
 * deeper modules may change.
 *
 *   const store = await Store.open({ dir: "./rasd-data" });
 *   await loadHasher();
 *   const report = await ingest(store, { paths: ["pages/"], ...(await pipelineFor(store)) });
 */
export * from "./core/index.js";
export { Store, type StoreOptions } from "./store/store.js";
export type { Sql, Driver } from "./store/sql.js";
export { getArticle, getArticles, countArticles, iterateArticles } from "./store/articles.js";
export { decodeBytes, type Decoded, type Encoding } from "./decode/decode.js";
export { createStages, type StageEnv } from "./assemble/stages.js";
export { pipelineFor } from "./assemble/for-store.js";
export { defaultHooks } from "./assemble/hooks.js";
export type { IngestHook } from "./store/hooks.js";
export { ingest, type IngestOptions, type IngestReport, type IngestFailure } from "./pipeline/ingest.js";
export { processDoc } from "./pipeline/run.js";
export {
  normalize,
  tokenize,
  sentences,
  analyzeTerms,
  stem,
  type Strength,
  type Scheme,
  type Token,
} from "./analysis/ar/index.js";
export { annotateLine } from "./annotate/line.js";
export { inferStoryDates } from "./annotate/published/index.js";
export { EntityRegistry } from "./annotate/entities/index.js";
export { search } from "./search/index.js";
export { summarizeStory, storyMarkdown, storedStory } from "./summarize/index.js";
export { readClusters, listStories, listTopics } from "./store/read/index.js";
export { createApp, startServer } from "./server/index.js";
export { main } from "./cli/main.js";
