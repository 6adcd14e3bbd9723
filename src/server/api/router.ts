import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { RasdError } from "../../core/errors.js";
import { DEFAULT_MAX_UPLOAD, type ServerOptions } from "../context.js";
import { badRequest } from "../errors.js";
import { bearer, checkToken } from "../security.js";
import { ENDPOINTS, type Endpoint } from "./endpoints.js";
import { openApiDocument } from "./openapi.js";

function tooLarge(max: number): never {
  throw new RasdError(
    "TOO_LARGE",
    `the request body is larger than this server accepts (${Math.round(max / 1024)} KB); send fewer or smaller files`,
  );
}

function validate(e: Endpoint, c: Context): { params: Record<string, unknown>; query: Record<string, unknown> } {
  const params = e.params ? e.params.safeParse(c.req.param()) : { success: true as const, data: {} };
  if (!params.success) throw badRequest("path", params.error);
  // A repeated parameter (?q=a&q=b) is a client mistake: refuse it rather than pick one.
  const all = c.req.queries();
  for (const [k, v] of Object.entries(all))
    if (v.length > 1) throw new RasdError("USAGE", `query parameter "${k}" is given ${v.length} times; give it once`);
  const query = e.query ? e.query.safeParse(c.req.query()) : { success: true as const, data: {} };
  if (!query.success) throw badRequest("query", query.error);
  return { params: params.data as Record<string, unknown>, query: query.data as Record<string, unknown> };
}

/** The JSON API under /api, mounted from the endpoint table. */
export function apiRouter(opts: ServerOptions, version: string): Hono {
  const api = new Hono();
  const maxUpload = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const doc = openApiDocument(version);
  api.get("/api/openapi.json", (c) => c.json(doc));
  for (const e of ENDPOINTS) {
    const handler = async (c: Context) => {
      if (e.write) checkToken(opts.token, bearer(c.req.header("authorization")));
      const input = validate(e, c);
      const out = await e.handle({ ...input, c, opts });
      return out instanceof Response ? out : c.json(out as object);
    };
    if (e.method === "post")
      api.post(e.path, bodyLimit({ maxSize: maxUpload, onError: () => tooLarge(maxUpload) }), handler);
    else api.get(e.path, handler);
  }
  return api;
}
