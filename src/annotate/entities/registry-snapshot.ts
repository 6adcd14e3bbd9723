import { gunzipSync, gzipSync } from "node:zlib";
import { hashValue } from "../../core/value-hash.js";
import type { Sql } from "../../store/sql.js";
import { EntityRegistry, type RegistryState } from "./registry.js";

/**
 * Checkpoints of the entity registry (`entity_snapshots`, migration 25). Without them a process that starts
 * replays the whole entity log (and, for a store older than the log, restores every stored entity): 5–7 s at
 * 15,000 articles, growing with the store. With them it loads the latest checkpoint and applies only the log rows
 * written after it — the registry a process that never stopped would hold, since the checkpoint is that process's
 * own state, taken right after the log row it names.
 *
 *   batch logs its registry changes ──► ops since the last checkpoint ≥ SNAPSHOT_OPS? ──► write one (same transaction)
 *   process starts ──► latest checkpoint (format matches) ──► apply the log rows after it ──► link
 */

/** A checkpoint is written once this many logged changes were made after the last one: the most a start applies. */
export const SNAPSHOT_OPS = 20_000;
/** Checkpoints kept: the newest (a reader that started before it was written still sees the one it replaced). */
const SNAPSHOTS_KEPT = 1;

let format: string | undefined;

/**
 * What a checkpoint must match to be loaded: its layout's version and the state of a new registry (the gazetteers
 * and the name keys they index under), which every checkpoint contains: after an upgrade that changes them, the
 * registry is rebuilt from the log instead.
 */
export function registryFormat(): string {
  if (format === undefined) {
    const { a, b } = hashValue(JSON.stringify(new EntityRegistry().exportState()));
    format = `1:${a.toString(16)}${b.toString(16)}`;
  }
  return format;
}

/** A registry's state, ready to write (take it right after the journal, before anything else changes it). */
export function packRegistry(state: RegistryState): Uint8Array {
  return gzipSync(JSON.stringify(state), { level: 1 });
}

/** Writes a checkpoint packed by `packRegistry`, as the registry was right after entity log row `seq`. */
export async function writeRegistrySnapshot(tx: Sql, seq: number, data: Uint8Array): Promise<void> {
  await tx.query(
    "INSERT INTO entity_snapshots (seq, format, data) VALUES ($1, $2, $3) ON CONFLICT (seq) DO UPDATE SET format = EXCLUDED.format, data = EXCLUDED.data, created_at = now()",
    [seq, registryFormat(), data],
  );
  await tx.query(
    "DELETE FROM entity_snapshots WHERE seq < (SELECT min(seq) FROM (SELECT seq FROM entity_snapshots ORDER BY seq DESC LIMIT $1) k)",
    [SNAPSHOTS_KEPT],
  );
}

/** The latest checkpoint this version can load, with the log row it was taken after; null when there is none. */
export async function readRegistrySnapshot(sql: Sql): Promise<{ seq: number; state: RegistryState } | null> {
  const rows = await sql.query<{ seq: number; data: Uint8Array }>(
    "SELECT seq::float8 AS seq, data FROM entity_snapshots WHERE format = $1 AND seq <= (SELECT coalesce(max(seq), 0) FROM entity_log) ORDER BY seq DESC LIMIT 1",
    [registryFormat()],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return { seq: Number(row.seq), state: JSON.parse(gunzipSync(row.data).toString("utf8")) as RegistryState };
}
