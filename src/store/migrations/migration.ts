/** A schema change: applied once, in order of `id`, inside a transaction, and recorded in `rasd_migrations`. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}
