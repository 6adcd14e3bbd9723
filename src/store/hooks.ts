import type { Article } from "../core/types.js";
import type { ArticleRow } from "./articles.js";
import type { Sql } from "./sql.js";

/**
 * Work that must land with the articles it concerns, in the same transaction: search postings, the entity
 * registry, duplicate links, story assignment. A crash mid-batch leaves none of it, and the re-run redoes all of it.
 *
 * The contract the storing step (pipeline/store-batch.ts) keeps for every hook:
 * - hooks run in the order given, inside the batch's transaction, after its new articles are inserted;
 * - the ingest lock (locks.ts) is held from the start of that transaction to COMMIT, so a hook sees every batch
 *   committed before its own and no other writer's batch decides meanwhile; a hook never takes it again;
 * - a hook sees only the articles that were new in this batch (never an empty batch);
 * - a hook that throws rolls the batch back; the batch is then stored one document at a time, so the document the
 *   hook cannot take is reported with its name and the others are stored.
 *
 * It lives beside `Sql` because it is a contract of the store: cluster/, search/ and annotate/entities/ implement
 * it, and the assembly (assemble/) lists them, without any of them importing the others.
 */
export interface IngestHook {
  readonly name: string;
  /**
   * Optional, outside the lock (in parallel across workers): the work on each article that needs nothing but the
   * article (analysing its text, say), kept for `run`. Given the batch's articles as the stages that need nothing
   * but the document left them (before entity linking and quotes), including some `run` may never see (refused,
   * already stored); `run` must give the same result whether or not `prepare` ran.
   */
  prepare?(articles: readonly Article[]): void;
  /**
   * Optional, outside the lock, just before the batch's transaction: catching up with what other writers committed
   * since this hook's last batch (read-only), so that little is left to catch up with under the lock. `run` must
   * still bring itself up to date under the lock, whatever `follow` did or failed to do.
   */
  follow?(sql: Sql): Promise<void>;
  run(tx: Sql, articles: readonly Article[], rows: readonly ArticleRow[]): Promise<void>;
}
