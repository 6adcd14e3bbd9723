export { indexArticles, dayNumber } from "./indexer.js";
export { search } from "./search.js";
export type { SearchOptions, SearchHit, SearchResult } from "./search.js";
export { makeSnippet } from "./snippet.js";
export type { Snippet } from "./snippet.js";
export { searchHook } from "./hook.js";
export { Bm25Index, idf, termScore } from "./bm25.js";
export type { Bm25Params } from "./bm25.js";
export { optimizeSearchIndex, compactTerms } from "./compact.js";
