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
export function snapshotFormat(c: Clusterer, version: 1 | 2 = 2): string {
  const { a, b } = hashValue(JSON.stringify(c.config));
  return `${version}:${a.toString(16)}${b.toString(16)}`;
}

/**
 * Writes a checkpoint of `c` as it is right after placement `placed` (a `cluster_articles.seq`): the hook's
 * sequence number, then each part of the state in its own row (migration 27), so that reading it back never holds
 * the whole checkpoint as one value (readSnapshot).
 */
export async function writeSnapshot(tx: Sql, c: Clusterer, placed: number, seq: number): Promise<number> {
  // Serialised at once, before any await: the memory may change once this function yields.
  const state = c.exportState();
  const parts = (Object.keys(state) as (keyof ClustererState)[]).map((part) => ({
    part,
    json: JSON.stringify(state[part]),
  }));
  await tx.query("DELETE FROM cluster_snapshots WHERE placed = $1", [placed]);
  // Compressed on libuv's thread pool (zlib's asynchronous call), not in the thread that stores. The bytes go as
  // bytea parameters: the embedded store's driver encodes them with Node's hex codec (store/drivers/pglite.ts).
  await tx.query("INSERT INTO cluster_snapshots (placed, format, data) VALUES ($1, $2, $3)", [
    placed,
    snapshotFormat(c),
    await gzipAsync(JSON.stringify({ seq }), { level: 1 }),
  ]);
  let bytes = 0;
  for (const { part, json } of parts) {
    const data = await gzipAsync(json, { level: 1 });
    bytes += data.byteLength;
    await tx.query("INSERT INTO cluster_snapshot_parts (placed, part, data) VALUES ($1, $2, $3)", [placed, part, data]);
  }
  await tx.query(
    "DELETE FROM cluster_snapshots WHERE placed < (SELECT min(placed) FROM (SELECT placed FROM cluster_snapshots ORDER BY placed DESC LIMIT $1) k)",
    [SNAPSHOTS_KEPT],
  );
  return bytes;
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
  const rows = await sql.query<{ placed: number; format: string; data: Uint8Array }>(
    "SELECT placed::float8 AS placed, format, data FROM cluster_snapshots WHERE format IN ($1, $2) AND placed <= (SELECT coalesce(max(seq), 0) FROM cluster_articles) ORDER BY placed DESC LIMIT 1",
    [snapshotFormat(c), snapshotFormat(c, 1)],
  );
  const row = rows[0];
  if (row === undefined) return null;
  if (row.format === snapshotFormat(c, 1)) {
    // Written before checkpoints came in parts: the whole state in `data`.
    const { seq, state } = JSON.parse(gunzipSync(row.data).toString("utf8")) as { seq: number; state: ClustererState };
    c.importState(state);
    return { clusterer: c, placed: Number(row.placed), seq };
  }
  const { seq } = JSON.parse(gunzipSync(row.data).toString("utf8")) as { seq: number };
  const names = await sql.query<{ part: keyof ClustererState }>(
    "SELECT part FROM cluster_snapshot_parts WHERE placed = $1 ORDER BY part",
    [row.placed],
  );
  // Every part this engine's state has, or none of it (a checkpoint from a version with other parts).
  const expected = Object.keys(c.exportState()).sort();
  if (
    names
      .map((n) => n.part)
      .sort()
      .join() !== expected.join()
  )
    return null;
  const state: Record<string, unknown> = {};
  for (const { part } of names) {
    // One part per query: PGlite holds a query's whole result in its memory, which then stays that large.
    const [p] = await sql.query<{ data: Uint8Array }>(
      "SELECT data FROM cluster_snapshot_parts WHERE placed = $1 AND part = $2",
      [row.placed, part],
    );
    state[part] = JSON.parse(gunzipSync(p!.data).toString("utf8")) as unknown;
  }
  c.importState(state as unknown as ClustererState);
  return { clusterer: c, placed: Number(row.placed), seq };
}
