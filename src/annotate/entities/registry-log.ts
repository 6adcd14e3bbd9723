import type { EntityType } from "../../core/types.js";
import type { Sql } from "../../store/sql.js";
import { EntityRegistry, type RegistryOp } from "./registry.js";
import { packRegistry, readRegistrySnapshot, SNAPSHOT_OPS, writeRegistrySnapshot } from "./registry-snapshot.js";

/**
 * The entity registry of a store, kept in step with every other writer through the entity log (migration 009).
 *
 *   writer A: link batch 1 ─ write ops ─ COMMIT
 *   writer B:                              lock ─ sync (replay A's ops) ─ link batch 2 ─ write ops ─ COMMIT
 *
 * Linking is order-dependent: a name the registry already ties to an entity links to it, a new one starts an
 * entity, a short form resolves only when one full name answers it. Several workers each linking with a registry
 * grown only by their own batches give the same name different ids (on the SaudiNewsNet stream, 5,644 of 29,868
 * articles differed between one and four workers). Replaying the others' changes, in commit order, under the ingest
 * lock and before linking, gives each worker the registry one process linking every batch would hold.
 *
 * A start does not replay the whole log: it loads the latest checkpoint of the registry and applies the rows after
 * it (registry-snapshot.ts); the writer that logs a batch writes a new checkpoint every SNAPSHOT_OPS changes.
 */
export class SharedRegistry {
  /** The last log row this registry holds (applied, or written by itself). */
  private last = 0;
  private spoilt = false;
  /** Changes applied or made since the latest checkpoint this registry knows of; Infinity when there is none. */
  private sinceSnapshot = Infinity;

  private constructor(readonly registry: EntityRegistry) {
    registry.startJournal();
  }

  /**
   * The store's registry: its latest checkpoint and the log rows after it; without a checkpoint, the gazetteers,
   * then every logged change, then any stored entity the log does not know (a store older than the log).
   */
  static async load(sql: Sql): Promise<SharedRegistry> {
    const shared = new SharedRegistry(new EntityRegistry());
    await shared.rebuild(sql);
    return shared;
  }

  /** Applies what other writers logged since this registry last synced (call under the ingest lock, before linking). */
  async sync(sql: Sql): Promise<void> {
    if (this.spoilt) return this.rebuild(sql);
    const rows = await sql.query<{ seq: number; ops: RegistryOp[] }>(
      "SELECT seq::float8 AS seq, ops FROM entity_log WHERE seq > $1 ORDER BY seq",
      [this.last],
    );
    for (const r of rows) for (const op of r.ops) this.registry.apply(op);
    for (const r of rows) this.sinceSnapshot += r.ops.length;
    if (rows.length > 0) this.last = Number(rows[rows.length - 1]!.seq);
  }

  /** Logs the changes this writer made since its last write (call in the batch's transaction, under the lock). */
  async write(sql: Sql): Promise<void> {
    const ops = this.registry.takeJournal();
    this.sinceSnapshot += ops.length;
    // The checkpoint is the state right after these ops: taken now, before anything else (the next batch's linking,
    // while this one's statements run) changes the registry.
    let snapshot = this.sinceSnapshot >= SNAPSHOT_OPS ? packRegistry(this.registry.exportState()) : undefined;
    // Only a registry that holds every logged row may checkpoint (a writer that links without syncing may not).
    if (snapshot !== undefined && (await this.behind(sql))) snapshot = undefined;
    if (ops.length > 0) {
      const rows = await sql.query<{ seq: number }>(
        "INSERT INTO entity_log (ops) VALUES ($1::jsonb) RETURNING seq::float8 AS seq",
        [JSON.stringify(ops)],
      );
      this.last = Number(rows[0]!.seq);
    }
    if (snapshot !== undefined) {
      await writeRegistrySnapshot(sql, this.last, snapshot);
      this.sinceSnapshot = 0;
    }
  }

  /** Whether another writer logged rows this registry has not applied. */
  private async behind(sql: Sql): Promise<boolean> {
    const [row] = await sql.query<{ last: number }>("SELECT coalesce(max(seq), 0)::float8 AS last FROM entity_log");
    return Number(row?.last ?? 0) !== this.last;
  }

  /**
   * The registry may hold changes the store does not (a batch linked, then rolled back): the next sync rebuilds it
   * from the store instead of replaying onto it.
   */
  spoil(): void {
    this.spoilt = true;
  }

  private async rebuild(sql: Sql): Promise<void> {
    const snap = await readRegistrySnapshot(sql);
    if (snap !== null) {
      this.registry.importState(snap.state);
      this.registry.takeJournal(); // what a spoilt registry had journalled is not the store's
      this.last = snap.seq;
      this.sinceSnapshot = 0;
      this.spoilt = false;
      await this.sync(sql);
      return;
    }
    this.registry.clear();
    // One statement, one snapshot: the log and the table agree even while other writers commit.
    const [row] = await sql.query<{ last: number | null; log: RegistryOp[][] | null; stored: StoredEntity[] | null }>(
      `SELECT (SELECT max(seq)::float8 FROM entity_log) AS last,
              (SELECT jsonb_agg(ops ORDER BY seq) FROM entity_log) AS log,
              (SELECT jsonb_agg(jsonb_build_object('id', e.id, 'type', e.type, 'name', e.name, 'gender', e.gender,
                        'names', (SELECT coalesce(jsonb_agg(n.name ORDER BY n.name), '[]') FROM entity_names n WHERE n.entity_id = e.id))
                      ORDER BY e.id)
                 FROM entities e) AS stored`,
    );
    for (const ops of row?.log ?? []) for (const op of ops) this.registry.apply(op);
    // Entities stored before the log existed (an older store): restored as the table keeps them.
    for (const e of row?.stored ?? []) {
      if (this.registry.get(e.id) !== undefined) continue;
      this.registry.apply(["r", { ...e, gender: e.gender === "f" || e.gender === "m" ? e.gender : null }]);
    }
    this.registry.takeJournal();
    this.last = Number(row?.last ?? 0);
    this.spoilt = false;
    this.sinceSnapshot = Infinity; // no checkpoint yet: the next write makes one
  }
}

interface StoredEntity {
  id: string;
  type: EntityType;
  name: string;
  gender: string | null;
  names: string[];
}
