import type { IngestHook } from "../pipeline/hooks.js";

/** Advisory-lock key (single-key form) that serialises the derive-and-decide phase of concurrent ingest batches. */
export const INGEST_LOCK = 7215060;

/**
 * Serialises the hooks of concurrent batches (several workers, or a watcher beside them, on one PostgreSQL).
 *
 *   worker A:  extract ─ annotate ──────┐ lock ─ insert ─ dedup ─ cluster ─ commit │
 *   worker B:  extract ─ annotate ───────────── wait ──────────────────────────────┘ lock ─ insert ─ … ─ commit
 *
 * The expensive per-document work (extraction, analysis, annotation) runs in parallel, outside any lock. The
 * cross-document decisions — is this a copy of a stored article, which story does it join, is a new story needed —
 * read what earlier batches decided; two batches deciding at once would both see "no story yet" and start two
 * copies of one story. Holding a transaction-scoped advisory lock from the first hook to COMMIT makes those
 * decisions happen one batch at a time, each seeing every batch committed before it (READ COMMITTED takes a fresh
 * snapshot per statement, and the lock is granted only after the previous holder committed). A worker killed while
 * holding it loses its connection, PostgreSQL rolls the transaction back and frees the lock: nothing half-written.
 *
 * On the embedded store there is one process and one connection, and the lock costs one round trip.
 */
export function serialiseHook(): IngestHook {
  return {
    name: "serialise",
    async run(tx) {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [INGEST_LOCK]);
    },
  };
}
