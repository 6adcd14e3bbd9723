import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { RasdError, messageOf } from "../core/errors.js";
import { projectRoot } from "../core/paths.js";
import { apiRouter } from "./api/router.js";
import { DEFAULT_MAX_BODY, type ServerOptions } from "./context.js";
import { alertsApi } from "./api/alerts.js";
import { eventsApi } from "./api/events.js";
import { sourcesApi } from "./api/sources.js";
import { deskPages } from "./desk-pages.js";
import { acceptLang, errorResponse } from "./errors.js";
import { langOf, pageRouter } from "./pages.js";
import { errorBody, page, t } from "./views/index.js";
import { securityHeaders } from "./security.js";
import { mountStatic } from "./static.js";

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

/**
 * The whole HTTP surface: JSON API under /api, the web UI's pages, and the static files. Every response carries
 * the security headers; every error is `{error: {code, message}}` under /api and an error page elsewhere; nothing
 * unexpected leaks (the details go to the log).
 */
export function createApp(opts: ServerOptions): Hono {
  const app = new Hono();
  const log = opts.log ?? ((m: string) => console.error(m));
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  app.use("*", securityHeaders());
  if (opts.allowedHosts !== undefined) {
    const allowed = new Set(opts.allowedHosts);
    app.use("*", async (c, next) => {
      const host = (c.req.header("host") ?? "").toLowerCase();
      if (!allowed.has(host)) {
        return c.json(
          {
            error: {
              code: "USAGE",
              message: `this server answers only to ${[...allowed].join(", ")} (got Host "${host.slice(0, 100)}")`,
            },
          },
          421,
        );
      }
      return next();
    });
  }
  // Small bodies everywhere except the two upload endpoints, which set their own (larger) limit.
  app.use("*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.path === "/api/ingest" || c.req.path === "/ingest")
      return next();
    return bodyLimit({
      maxSize: maxBody,
      onError: () => {
        throw new RasdError("TOO_LARGE", `request bodies here are limited to ${Math.round(maxBody / 1024)} KB`);
      },
    })(c, next);
  });
  // PostgreSQL text cannot hold NUL: a path or query carrying one (%00) is refused here, before it reaches a query.
  app.use("*", async (c, next) => {
    let url: string;
    try {
      url = decodeURIComponent(c.req.url);
    } catch {
      throw new RasdError("USAGE", "the request URL is not valid percent-encoding; encode it as UTF-8");
    }
    if (url.includes("\u0000"))
      throw new RasdError(
        "USAGE",
        "the request URL contains a NUL character (%00), which no name, id or query can hold",
      );
    return next();
  });
  mountStatic(app);
  app.route("/", apiRouter(opts, version()));
  app.route("/", pageRouter(opts));
  app.route("/", sourcesApi(opts));
  app.route("/", eventsApi(opts));
  app.route("/", alertsApi(opts));
  app.route("/", deskPages(opts));
  app.notFound((c) => {
    if (c.req.path.startsWith("/api/")) {
      const e = new RasdError(
        "NOT_FOUND",
        `no endpoint ${c.req.method} ${c.req.path}; the endpoints are listed at /api/openapi.json`,
        { ar: "لا توجد نقطة وصول بهذا المسار؛ قائمة نقاط الوصول في /api/openapi.json" },
      );
      return c.json(errorResponse(e, acceptLang(c.req.header("accept-language"))).body, 404);
    }
    const lang = langOf(c);
    const title = t(lang, "notFound");
    const sentence =
      lang === "ar"
        ? "لا توجد صفحة بهذا العنوان. ربما تغيّر الرابط أو كُتب خطأ."
        : "There is no page at this address. The link may have changed or been mistyped.";
    return c.html(
      page({ lang, title, path: c.req.path, query: {}, body: errorBody(lang, title, sentence, null) }).value,
      404,
    );
  });
  app.onError((e, c) => {
    const api = c.req.path.startsWith("/api/");
    const lang = api ? acceptLang(c.req.header("accept-language")) : langOf(c);
    const { status, body } = errorResponse(e, lang);
    if (status === 500) log(`rasd serve: ${c.req.method} ${c.req.path}: ${messageOf(e)}`);
    if (api || c.req.header("accept")?.includes("text/html") !== true) return c.json(body, status);
    const title = status === 404 ? t(lang, "notFound") : t(lang, "error");
    const detail = lang === "ar" && e instanceof RasdError ? e.message : null;
    return c.html(
      page({ lang, title, path: "/", query: {}, body: errorBody(lang, title, body.error.message, detail) }).value,
      status,
    );
  });
  return app;
}
