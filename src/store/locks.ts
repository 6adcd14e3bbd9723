import type { Sql } from "./sql.js";

/**
 * Every PostgreSQL advisory-lock key rasd takes, in one place: two subsystems can never pick one number by chance,
 * and a reader (or `pg_locks`) sees what serialises what. On the embedded store there is one process and one
 * connection; a lock there costs one round trip and never waits.
 */
export const LOCK_KEYS = {
  /** Single key, transaction scope: one schema migration at a time (several workers starting together). */
  migrate: 7215001,
  /** Class of the two-key form, transaction scope: one story or topic (`hashtext(id)`), taken in sorted order. */
  group: 7215004,
  /** Single key, transaction scope: the ingest lock, see takeIngestLock. */
  ingest: 7215060,
  /** Class of the two-key form, session scope: a live worker's proof of life (queue/liveness.ts). */
  liveness: 7215061,
} as const;

/**
 * Takes the ingest lock, held to COMMIT: the cross-document part of storing a batch runs one batch at a time.
 *
 *   worker A:  extract ─ annotate ──────┐ lock ─ link ─ insert ─ hooks ─ commit │
 *   worker B:  extract ─ annotate ───────────── wait ─────────────────────────────┘ lock ─ link ─ … ─ commit
 *
 * The expensive per-document work (extraction, analysis, annotation, the hooks' `prepare`) and catching up with
 * what the other writers committed (the registry's sync, the hooks' `follow`) run in parallel, outside it. Entity
 * linking and the hooks' decisions (is this a copy of a stored article, which story does it join, is a new story
 * needed) read what earlier batches decided; two batches deciding at once would both see "no story yet" and start
 * two copies of one story. Under this lock each batch sees every batch committed before it (READ COMMITTED takes a
 * fresh snapshot per statement, and the lock is granted only after the previous holder committed). A writer killed
 * while holding it loses its connection; PostgreSQL rolls its transaction back and frees the lock.
 *
 * Taken once per batch, by the storing step (pipeline/store-batch.ts), at the start of its transaction; hooks and
 * shared stages run under it and do not take it again.
 */
export async function takeIngestLock(tx: Sql): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEYS.ingest]);
}
