import type { Stage } from "../core/stage.js";
import type { Sql } from "../store/sql.js";

/**
 * Stages that read and grow state every writer of a store shares (the entity registry), for writers that run
 * side by side on one PostgreSQL. They run inside the batch's transaction, under the ingest lock, after `sync` has
 * brought the state up to every batch committed before; `write` logs what this batch changed for the others.
 */
export interface SharedStages {
  stages: readonly Stage[];
  sync(tx: Sql): Promise<void>;
  write(tx: Sql): Promise<void>;
  /** The batch rolled back after the stages ran: the state holds changes the store does not, so rebuild it. */
  spoil(): void;
}
