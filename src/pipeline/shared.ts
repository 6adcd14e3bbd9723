import type { Stage } from "../core/stage.js";
import type { Sql } from "../store/sql.js";

/**
 * The pipeline's stages split for writers that run side by side on one PostgreSQL: `before` needs nothing but the
 * document and runs outside any lock; `stages` read and grow state every writer of the store shares (the entity
 * registry) and run inside the batch's transaction, under the ingest lock, after `sync` has brought the state up
 * to every batch committed before. The entities hook logs what the batch changed, for the others.
 */
export interface SharedStages {
  before: readonly Stage[];
  stages: readonly Stage[];
  sync(tx: Sql): Promise<void>;
  /** The batch rolled back after the stages ran: the state holds changes the store does not, so rebuild it. */
  spoil(): void;
}
