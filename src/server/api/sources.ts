import { Hono, type Context } from "hono";
import { z } from "zod";
import { breakingStories } from "../../desk/momentum.js";
import { addSource, listSources, pauseSource, removeSource } from "../../desk/sources.js";
import type { ServerOptions } from "../context.js";
import { badRequest } from "../errors.js";
import { bearer, checkToken } from "../security.js";

const addBody = z.object({
  url: z.string().min(1).max(2000),
  interval: z.number().min(0.05).max(86_400).optional(),
});
const pauseBody = z.object({ url: z.string().min(1).max(2000), paused: z.boolean() });

async function body<T extends z.ZodType>(schema: T, c: Context): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    raw = undefined;
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw badRequest("body", r.error);
  return r.data;
}

/**
 * The desk's sources over JSON: GET /api/sources (open, like every read), and with the write token POST
 * /api/sources {url, interval?}, POST /api/sources/pause {url, paused}, DELETE /api/sources?url=.
 */
export function sourcesApi(opts: ServerOptions): Hono {
  const api = new Hono();
  const db = opts.store.db;
  const write = (c: Context) => checkToken(opts.token, bearer(c.req.header("authorization")));
  api.get("/api/sources", async (c) => c.json({ sources: await listSources(db) }));
  api.get("/api/breaking", async (c) => c.json({ stories: await breakingStories(db) }));
  api.post("/api/sources", async (c) => {
    write(c);
    const b = await body(addBody, c);
    const s = await addSource(db, b.url, b.interval);
    opts.onSourcesChanged?.();
    return c.json(s, 201);
  });
  api.post("/api/sources/pause", async (c) => {
    write(c);
    const b = await body(pauseBody, c);
    const s = await pauseSource(db, b.url, b.paused);
    if (!b.paused) opts.onSourcesChanged?.();
    return c.json(s);
  });
  api.delete("/api/sources", async (c) => {
    write(c);
    const url = c.req.query("url") ?? "";
    await removeSource(db, url);
    return c.json({ url, removed: true });
  });
  return api;
}
