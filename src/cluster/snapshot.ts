import { promisify } from "node:util";
import { gunzipSync, gzip } from "node:zlib";
import { hashValue } from "../core/value-hash.js";
import type { Sql } from "../store/sql.js";
import type { Clusterer, ClustererState } from "./engine.js";

/**
 * Checkpoints of the clustering memory (`cluster_snapshots`, migration 24). A process that starts loads the latest
 * checkpoint and replays the placements committed after it (replay.ts) — the memory is then exactly the one a
 * process that never stopped would hold — instead of reading the whole store. The checkpoint is the engine's own
 * state (`Clusterer.exportState`), which is a window: what retired from memory is not in it, so loading it costs
 * what the next article can reach, not the archive.
 *
 *   batch commits ──► placements since the last checkpoint ≥ SNAPSHOT_EVERY? ──► write one (same transaction)
 *   process starts ──► latest checkpoint (format and settings match) ──► replay what came after ──► place
 */

/** A checkpoint is written once this many placements were made after the last one: the most a start replays. */
export const SNAPSHOT_EVERY = 1000;
/** Checkpoints kept (the newest); older ones are deleted when a new one is written. */
const SNAPSHOTS_KEPT = 2;

const gzipAsync = promisify(gzip);

/**
 * What a checkpoint must match to be loaded: its layout's version and the engine's settings (a checkpoint made
 * under other settings would decide differently from a replay under these).
 */
export function snapshotFormat(c: Clusterer): string {
  const { a, b } = hashValue(JSON.stringify(c.config));
  return `1:${a.toString(16)}${b.toString(16)}`;
}

/** Writes a checkpoint of `c` as it is right after placement `placed` (a `cluster_articles.seq`). */
export async function writeSnapshot(tx: Sql, c: Clusterer, placed: number, seq: number): Promise<number> {
  // Compressed on libuv's thread pool (zlib's asynchronous call), not in the thread that stores.
  const data = await gzipAsync(JSON.stringify({ seq, state: c.exportState() }), { level: 1 });
  // Sent as base64 text, decoded by the server: PGlite turns a bytea parameter into text in JavaScript, byte by
  // byte, in the thread that stores (~0.8 s of CPU for 2.6 MB, against 0.1 s this way; bench/ingest.ts).
  await tx.query(
    "INSERT INTO cluster_snapshots (placed, format, data) VALUES ($1, $2, decode($3, 'base64')) ON CONFLICT (placed) DO UPDATE SET format = EXCLUDED.format, data = EXCLUDED.data, created_at = now()",
    [placed, snapshotFormat(c), data.toString("base64")],
  );
  await tx.query(
    "DELETE FROM cluster_snapshots WHERE placed < (SELECT min(placed) FROM (SELECT placed FROM cluster_snapshots ORDER BY placed DESC LIMIT $1) k)",
    [SNAPSHOTS_KEPT],
  );
  return data.byteLength;
}

/**
 * The latest checkpoint this engine can load, as a fresh clusterer with the checkpoint's placement mark and the
 * hook's sequence number; null when there is none (a store written before checkpoints, or under other settings).
 */
export async function readSnapshot(
  sql: Sql,
  fresh: () => Clusterer,
): Promise<{ clusterer: Clusterer; placed: number; seq: number } | null> {
  const c = fresh();
  const rows = await sql.query<{ placed: number; data: Uint8Array }>(
    "SELECT placed::float8 AS placed, data FROM cluster_snapshots WHERE format = $1 AND placed <= (SELECT coalesce(max(seq), 0) FROM cluster_articles) ORDER BY placed DESC LIMIT 1",
    [snapshotFormat(c)],
  );
  const row = rows[0];
  if (row === undefined) return null;
  const { seq, state } = JSON.parse(gunzipSync(row.data).toString("utf8")) as { seq: number; state: ClustererState };
  c.importState(state);
  return { clusterer: c, placed: Number(row.placed), seq };
}
