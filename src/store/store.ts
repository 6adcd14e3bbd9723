import { openPglite } from "./drivers/pglite.js";
import { openPostgres } from "./drivers/postgres.js";
import { migrate } from "./migrate.js";
import type { Driver } from "./sql.js";

export interface StoreOptions {
  /** PostgreSQL URL; when set, the embedded store is not used. */
  pg?: string | undefined;
  /** Embedded store folder, or `memory://` for a throw-away in-memory store. */
  dir?: string | undefined;
}

/**
 * The store: one schema and one set of SQL queries (the functions in store/*.ts and in each area's persist module
 * take `store.db`), over either driver.
 */
export class Store {
  readonly db: Driver;

  private constructor(db: Driver) {
    this.db = db;
  }

  /** Opens and migrates the store the options name: `pg` if given, else the embedded folder `dir`. */
  static async open(opts: StoreOptions): Promise<Store> {
    const db = opts.pg ? await openPostgres(opts.pg) : await openPglite(opts.dir ?? "./rasd-data");
    try {
      await migrate(db);
    } catch (e) {
      await db.close().catch(() => {});
      throw e;
    }
    return new Store(db);
  }

  get kind(): Driver["kind"] {
    return this.db.kind;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
