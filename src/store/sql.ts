/**
 * The one SQL surface both drivers offer. Queries are written once, in PostgreSQL's dialect with `$1` parameters,
 * and run unchanged on PGlite (embedded) and on a PostgreSQL server through `pg`.
 *
 * Conventions that keep the two drivers identical: jsonb goes in as a JSON string with `$n::jsonb`; dates and times
 * come out as text (`col::text`) or epoch milliseconds, never as driver-specific Date objects.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it is stored, or none of it. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface Driver extends Sql {
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, for messages: a folder or a URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}
