import type { Article } from "../core/types.js";
import type { ArticleRow } from "../store/articles.js";
import type { Sql } from "../store/sql.js";

/**
 * Work that must land with the articles it concerns, in the same transaction: search postings, the entity
 * registry, duplicate links, story assignment. A crash mid-batch leaves none of it, and the re-run redoes all of it.
 * A hook sees only the articles that were new in this batch.
 */
export interface IngestHook {
  readonly name: string;
  run(tx: Sql, articles: readonly Article[], rows: readonly ArticleRow[]): Promise<void>;
}
