import { randomBytes } from "node:crypto";
import { analyzeTerms } from "../analysis/ar/index.js";
import { RasdError } from "../core/errors.js";
import type { Sql } from "../store/sql.js";

export type WatchKind = "entity" | "query" | "outlet";
export const WATCH_KINDS: readonly WatchKind[] = ["entity", "query", "outlet"];

/** What an analyst follows: an entity (by id or by any of its names), a query (all its words), or an outlet. */
export interface Watchlist {
  id: string;
  name: string;
  kind: WatchKind;
  value: string;
  /** Where alerts are POSTed (JSON, signed with HMAC-SHA256 under `secret`), if anywhere. */
  webhook: string | null;
  secret: string | null;
  createdMs: number;
}

interface Row {
  id: string;
  name: string;
  kind: WatchKind;
  value: string;
  webhook: string | null;
  secret: string | null;
  created_ms: number;
}

const fromRow = (r: Row): Watchlist => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  value: r.value,
  webhook: r.webhook,
  secret: r.secret,
  createdMs: Number(r.created_ms),
});

export async function listWatchlists(sql: Sql): Promise<Watchlist[]> {
  return (await sql.query<Row>("SELECT * FROM desk_watchlists ORDER BY created_ms, id")).map(fromRow);
}

export async function getWatchlist(sql: Sql, id: string): Promise<Watchlist> {
  const [r] = await sql.query<Row>("SELECT * FROM desk_watchlists WHERE id = $1", [id]);
  if (r === undefined) throw new RasdError("NOT_FOUND", `no watchlist with id "${id}"`, { input: id });
  return fromRow(r);
}

/**
 * Saves a watchlist. Its alerts start with the next stored articles: what is already stored raises none (an alert
 * says "this just appeared"). A webhook gets a random signing secret unless one is given.
 */
export async function createWatchlist(
  sql: Sql,
  w: {
    name?: string | undefined;
    kind: WatchKind;
    value: string;
    webhook?: string | null | undefined;
    secret?: string | null | undefined;
  },
  nowMs = Date.now(),
): Promise<Watchlist> {
  if (!WATCH_KINDS.includes(w.kind))
    throw new RasdError("USAGE", `a watchlist follows an entity, a query or an outlet (got "${String(w.kind)}")`);
  const value = w.value.trim();
  if (value === "") throw new RasdError("USAGE", "a watchlist needs something to follow (a name, a query, an outlet)");
  if (w.kind === "query" && analyzeTerms(value).length === 0)
    throw new RasdError("USAGE", `the query "${value}" has no searchable word`);
  let webhook: string | null = null;
  if (w.webhook) {
    const u = new URL(w.webhook);
    if (u.protocol !== "http:" && u.protocol !== "https:")
      throw new RasdError("USAGE", `the webhook must be an http(s) URL (got "${w.webhook}")`);
    webhook = u.toString();
  }
  const id = "w" + randomBytes(6).toString("hex");
  const secret = webhook === null ? null : (w.secret ?? randomBytes(24).toString("hex"));
  await sql.query(
    "INSERT INTO desk_watchlists (id, name, kind, value, webhook, secret, created_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [id, w.name?.trim() || value, w.kind, value, webhook, secret, nowMs],
  );
  return getWatchlist(sql, id);
}

export async function deleteWatchlist(sql: Sql, id: string): Promise<void> {
  const rows = await sql.query("DELETE FROM desk_watchlists WHERE id = $1 RETURNING id", [id]);
  if (rows.length === 0) throw new RasdError("NOT_FOUND", `no watchlist with id "${id}"`, { input: id });
}
