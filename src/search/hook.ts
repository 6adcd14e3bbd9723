import type { IngestHook } from "../store/hooks.js";
import { indexArticles, indexTerms } from "./indexer.js";

/** The ingest hook that keeps the search index in step with the articles, in the ingest transaction. */
export const searchHook: IngestHook = {
  name: "search",
  // Analyses the texts ahead of the ingest lock; `run` finds the terms remembered (indexTerms).
  prepare(articles) {
    for (const a of articles) indexTerms(a);
  },
  run: (tx, articles) => indexArticles(tx, articles),
};
