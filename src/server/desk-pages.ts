import { Hono } from "hono";
import { RasdError } from "../core/errors.js";
import { listAlerts, unreadCount } from "../alerts/read.js";
import { createWatchlist, listWatchlists } from "../alerts/watchlists.js";
import { breakingStories } from "../desk/momentum.js";
import { addSource, listSources, pauseSource, removeSource } from "../desk/sources.js";
import type { ServerOptions } from "./context.js";
import { errorResponse } from "./errors.js";
import { pageRoute } from "./pages.js";
import { checkToken } from "./security.js";
import { d } from "./views/desk-labels.js";
import { alertsBody } from "./views/alerts.js";
import { breakingBody } from "./views/breaking.js";
import { sourcesBody } from "./views/sources.js";

/** The desk's pages: sources (and, with the alerts, the alerts page). */
export function deskPages(opts: ServerOptions): Hono {
  const app = new Hono();
  const db = opts.store.db;
  const writable = opts.token !== undefined && opts.token !== "";

  app.get(
    "/sources",
    pageRoute(opts, async (_c, lang) => ({
      title: d(lang, "sources"),
      body: sourcesBody(lang, await listSources(db), writable, null),
    })),
  );

  // A plain form post (no script needed): add, pause, resume or remove, with the write token as a field.
  app.post(
    "/sources",
    pageRoute(opts, async (c, lang) => {
      let notice: { ok: boolean; text: string };
      let status = 200;
      try {
        const form = await c.req.parseBody();
        const field = (k: string) => (typeof form[k] === "string" ? form[k] : "");
        checkToken(opts.token, field("token"));
        const url = field("url").trim();
        const action = field("action");
        if (action === "add") {
          const interval = field("interval") === "" ? undefined : Number(field("interval"));
          await addSource(db, url, interval);
          opts.onSourcesChanged?.();
          notice = { ok: true, text: `${d(lang, "added")}: ${url}` };
        } else if (action === "pause" || action === "resume") {
          await pauseSource(db, url, action === "pause");
          if (action === "resume") opts.onSourcesChanged?.();
          notice = { ok: true, text: `${d(lang, "done")}: ${d(lang, action)} ${url}` };
        } else if (action === "remove") {
          await removeSource(db, url);
          notice = { ok: true, text: `${d(lang, "done")}: ${d(lang, "remove")} ${url}` };
        } else {
          throw new RasdError("USAGE", `unknown action "${action}"; use add, pause, resume or remove`);
        }
      } catch (e) {
        if (!(e instanceof RasdError) || e.code === "INTERNAL" || e.code === "STORE") throw e;
        notice = { ok: false, text: e.message };
        status = errorResponse(e).status;
      }
      return { title: d(lang, "sources"), body: sourcesBody(lang, await listSources(db), writable, notice), status };
    }),
  );
  app.get(
    "/breaking",
    pageRoute(opts, async (_c, lang) => ({
      title: d(lang, "breaking"),
      body: breakingBody(lang, await breakingStories(db)),
    })),
  );

  app.get(
    "/alerts",
    pageRoute(opts, async (_c, lang) => ({
      title: d(lang, "alerts"),
      body: alertsBody(lang, await listAlerts(db), await unreadCount(db), await listWatchlists(db), writable, null),
    })),
  );

  app.post(
    "/alerts",
    pageRoute(opts, async (c, lang) => {
      let notice: { ok: boolean; text: string };
      let status = 200;
      try {
        const form = await c.req.parseBody();
        const field = (k: string) => (typeof form[k] === "string" ? form[k].trim() : "");
        checkToken(opts.token, field("token"));
        const kind = field("kind");
        if (kind !== "entity" && kind !== "query" && kind !== "outlet")
          throw new RasdError("USAGE", `a watchlist follows an entity, a query or an outlet (got "${kind}")`);
        const w = await createWatchlist(db, {
          kind,
          value: field("value"),
          ...(field("webhook") !== "" ? { webhook: field("webhook") } : {}),
        });
        notice = {
          ok: true,
          text: `${d(lang, "added")}: ${w.name}${w.secret ? ` · HMAC secret (shown once): ${w.secret}` : ""}`,
        };
      } catch (e) {
        if (!(e instanceof RasdError) || e.code === "INTERNAL" || e.code === "STORE") throw e;
        notice = { ok: false, text: e.message };
        status = errorResponse(e).status;
      }
      return {
        title: d(lang, "alerts"),
        body: alertsBody(lang, await listAlerts(db), await unreadCount(db), await listWatchlists(db), writable, notice),
        status,
      };
    }),
  );
  return app;
}
