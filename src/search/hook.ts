import type { IngestHook } from "../store/hooks.js";
import { indexArticles } from "./indexer.js";

/** The ingest hook that keeps the search index in step with the articles, in the ingest transaction. */
export const searchHook: IngestHook = {
  name: "search",
  run: (tx, articles) => indexArticles(tx, articles),
};
