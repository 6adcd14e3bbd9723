import { Hono, type Context } from "hono";
import { z } from "zod";
import { atomFeed } from "../../alerts/atom.js";
import { listAlerts, markRead, unreadCount } from "../../alerts/read.js";
import { createWatchlist, deleteWatchlist, getWatchlist, listWatchlists } from "../../alerts/watchlists.js";
import type { ServerOptions } from "../context.js";
import { badRequest } from "../errors.js";
import { bearer, checkToken } from "../security.js";

const newWatchlist = z.object({
  name: z.string().max(200).optional(),
  kind: z.enum(["entity", "query", "outlet"]),
  value: z.string().min(1).max(500),
  webhook: z.string().url().max(2000).optional(),
  secret: z.string().min(8).max(200).optional(),
});
const readBody = z.object({ upTo: z.number().int().min(0) });
const alertsQuery = z.object({
  watchlist: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

async function body<T extends z.ZodType>(schema: T, c: Context): Promise<z.infer<T>> {
  const r = schema.safeParse(await c.req.json().catch(() => undefined));
  if (!r.success) throw badRequest("body", r.error);
  return r.data;
}

/** The watchlists' secrets stay on the server: shown once, when created. */
function publicWatchlist<T extends { secret: string | null }>(w: T): Omit<T, "secret"> {
  const { secret: _secret, ...rest } = w;
  return rest;
}

/**
 * Watchlists and alerts over JSON, and each watchlist's Atom feed (/watchlists/ID/atom). Reads are open; creating,
 * deleting and marking read need the write token.
 */
export function alertsApi(opts: ServerOptions): Hono {
  const api = new Hono();
  const db = opts.store.db;
  const write = (c: Context) => checkToken(opts.token, bearer(c.req.header("authorization")));
  api.get("/api/watchlists", async (c) => c.json({ watchlists: (await listWatchlists(db)).map(publicWatchlist) }));
  api.post("/api/watchlists", async (c) => {
    write(c);
    const b = await body(newWatchlist, c);
    return c.json(await createWatchlist(db, b), 201);
  });
  api.delete("/api/watchlists/:id", async (c) => {
    write(c);
    await deleteWatchlist(db, c.req.param("id"));
    return c.json({ id: c.req.param("id"), removed: true });
  });
  api.get("/api/alerts", async (c) => {
    const q = alertsQuery.safeParse(c.req.query());
    if (!q.success) throw badRequest("query", q.error);
    const alerts = await listAlerts(db, {
      limit: q.data.limit,
      ...(q.data.watchlist ? { watchlist: q.data.watchlist } : {}),
    });
    return c.json({ unread: await unreadCount(db), alerts });
  });
  api.post("/api/alerts/read", async (c) => {
    write(c);
    await markRead(db, (await body(readBody, c)).upTo);
    return c.json({ unread: await unreadCount(db) });
  });
  api.get("/watchlists/:id/atom", async (c) => {
    const w = await getWatchlist(db, c.req.param("id"));
    const alerts = await listAlerts(db, { watchlist: w.id, limit: 100 });
    c.header("Content-Type", "application/atom+xml; charset=utf-8");
    return c.body(atomFeed(w, alerts, new URL(c.req.url).origin));
  });
  return api;
}
