import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import type { z } from "zod";
import { RasdError, messageOf } from "../core/errors.js";
import { countArticles, getArticle } from "../store/articles.js";
import * as S from "./api/schemas.js";
import { readForm } from "./api/uploads.js";
import { DEFAULT_MAX_UPLOAD, type ServerOptions } from "./context.js";
import {
  articleLinks,
  countStories,
  getEntity,
  getStory,
  getTopic,
  ingestUploads,
  listArticles,
  listEntities,
  listOutlets,
  listStories,
  listTopics,
  searchArticles,
  topicOfStory,
  type UploadReport,
} from "./data/index.js";
import { badRequest, errorResponse } from "./errors.js";
import { checkToken } from "./security.js";
import {
  articleBody,
  emptyStore,
  entitiesBody,
  entityBody,
  errorBody,
  errorSentence,
  html,
  ingestBody,
  notAvailableNote,
  page,
  riverBody,
  riverWithoutStories,
  searchBody,
  storyBody,
  t,
  topicBody,
  topicsBody,
  type Html,
  type Lang,
  type PageInput,
} from "./views/index.js";

/** The UI language: `?lang=` (remembered in a cookie), else the cookie, else Arabic. */
export function langOf(c: Context): Lang {
  const q = c.req.query("lang");
  if (q === "ar" || q === "en") {
    setCookie(c, "rasd_lang", q, { path: "/", sameSite: "Lax", maxAge: 365 * 86400, httpOnly: true });
    return q;
  }
  return getCookie(c, "rasd_lang") === "en" ? "en" : "ar";
}

/** Query parameters without the empty ones a plain HTML form sends, and without `lang` (the switch's own). */
function formQuery(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.query())) if (v.trim() !== "" && k !== "lang") out[k] = v;
  return out;
}

function parse<T extends z.ZodObject>(schema: T, c: Context): z.infer<T> {
  const r = schema.safeParse(formQuery(c));
  if (!r.success) throw badRequest("query", r.error);
  return r.data;
}

export type Render = (
  c: Context,
  lang: Lang,
) => Promise<{ title: string; body: Html; active?: PageInput["active"]; status?: number }>;

export function pageRoute(opts: ServerOptions, render: Render) {
  return async (c: Context) => {
    const lang = langOf(c);
    const base = { lang, path: c.req.path, query: formQuery(c) };
    try {
      const r = await render(c, lang);
      return c.html(
        page({ ...base, title: r.title, body: r.body, ...(r.active ? { active: r.active } : {}) }).value,
        (r.status ?? 200) as 200,
      );
    } catch (e) {
      const { status, body } = errorResponse(e, lang);
      if (status === 500) (opts.log ?? console.error)(`rasd serve: ${c.req.method} ${c.req.path}: ${messageOf(e)}`);
      const title = status === 404 ? t(lang, "notFound") : t(lang, "error");
      const detail = lang === "ar" && e instanceof RasdError ? e.message : null;
      return c.html(page({ ...base, title, body: errorBody(lang, title, body.error.message, detail) }).value, status);
    }
  };
}

function pathId(c: Context): string {
  const r = S.idParam.safeParse(c.req.param());
  if (!r.success) throw badRequest("path", r.error);
  return r.data.id;
}

/** The server-rendered pages of the web UI. */
export function pageRouter(opts: ServerOptions): Hono {
  const app = new Hono();
  storyPages(app, opts);
  entityPages(app, opts);
  searchPage(app, opts);
  ingestPages(app, opts);
  return app;
}

/** The river, story pages, topics and article pages. */
function storyPages(app: Hono, opts: ServerOptions): void {
  const db = opts.store.db;
  app.get(
    "/",
    pageRoute(opts, async (c, lang) => {
      const q = parse(S.storiesQuery, c);
      const stories = await listStories(db, q);
      if (stories.length > 0 || q.offset > 0) {
        return { title: t(lang, "river"), body: riverBody(lang, stories, q), active: "river" };
      }
      if ((await countArticles(db)) === 0) return { title: t(lang, "river"), body: emptyStore(lang), active: "river" };
      const latest = await listArticles(db, { limit: 50 });
      return { title: t(lang, "river"), body: riverWithoutStories(lang, latest.articles), active: "river" };
    }),
  );

  app.get(
    "/stories/:id",
    pageRoute(opts, async (c, lang) => {
      const id = pathId(c);
      const { words } = parse(S.storyQuery, c);
      const story = await getStory(db, id, words);
      return { title: story.title, body: storyBody(lang, story, await topicOfStory(db, id)), active: "river" };
    }),
  );

  app.get(
    "/topics",
    pageRoute(opts, async (c, lang) => {
      const q = parse(S.topicsQuery, c);
      const topics = await listTopics(db, q);
      if (topics.length === 0 && (await countStories(db)) === 0 && (await countArticles(db)) > 0) {
        return {
          title: t(lang, "topics"),
          body: html`<h1>${t(lang, "topics")}</h1>${notAvailableNote(lang, t(lang, "topics"))}`,
          active: "topics",
        };
      }
      return { title: t(lang, "topics"), body: topicsBody(lang, topics), active: "topics" };
    }),
  );

  app.get(
    "/topics/:id",
    pageRoute(opts, async (c, lang) => {
      const tp = await getTopic(db, pathId(c));
      return { title: tp.label, body: topicBody(lang, tp), active: "topics" };
    }),
  );

  app.get(
    "/articles/:id",
    pageRoute(opts, async (c, lang) => {
      const id = pathId(c);
      const a = await getArticle(db, id);
      if (a === null)
        throw new RasdError("NOT_FOUND", `no article with id "${id}"`, {
          input: id,
          ar: "لا يوجد مقال بهذا المعرّف.",
        });
      return { title: a.title, body: articleBody(lang, a, await articleLinks(db, id)) };
    }),
  );
}

function entityPages(app: Hono, opts: ServerOptions): void {
  const db = opts.store.db;
  app.get(
    "/entities",
    pageRoute(opts, async (c, lang) => {
      const q = parse(S.entitiesQuery, c);
      return {
        title: t(lang, "entities"),
        body: entitiesBody(lang, await listEntities(db, q), q.q),
        active: "entities",
      };
    }),
  );

  app.get(
    "/entities/:id",
    pageRoute(opts, async (c, lang) => {
      const r = S.entityParam.safeParse(c.req.param());
      if (!r.success) throw badRequest("path", r.error);
      const e = await getEntity(db, r.data.id);
      return { title: e.name, body: entityBody(lang, e), active: "entities" };
    }),
  );
}

function searchPage(app: Hono, opts: ServerOptions): void {
  const db = opts.store.db;
  app.get(
    "/search",
    pageRoute(opts, async (c, lang) => {
      const f = formQuery(c);
      const outlets = (await listOutlets(db)).map((o) => o.name);
      if (f["q"] === undefined)
        return { title: t(lang, "search"), body: searchBody(lang, f, outlets, null, null), active: "search" };
      const r = S.searchQuery.safeParse(f);
      if (!r.success)
        return {
          title: t(lang, "search"),
          body: searchBody(lang, f, outlets, null, errorSentence(lang, badRequest("query", r.error))),
          active: "search",
          status: 400,
        };
      try {
        const result = await searchArticles(db, r.data);
        return {
          title: `${r.data.q} · ${t(lang, "search")}`,
          body: searchBody(lang, f, outlets, result, null),
          active: "search",
        };
      } catch (e) {
        if (!(e instanceof RasdError) || e.code === "INTERNAL" || e.code === "STORE") throw e;
        return {
          title: t(lang, "search"),
          body: searchBody(lang, f, outlets, null, errorSentence(lang, e)),
          active: "search",
          status: errorResponse(e).status,
        };
      }
    }),
  );
}

/** The ingest form and its POST (multipart, with the write token as a form field). */
function ingestPages(app: Hono, opts: ServerOptions): void {
  const maxUpload = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const writable = opts.token !== undefined && opts.token !== "";
  app.get(
    "/ingest",
    pageRoute(opts, async (_c, lang) => ({
      title: t(lang, "ingest"),
      body: ingestBody(lang, writable, null, null),
      active: "ingest",
    })),
  );

  app.post(
    "/ingest",
    bodyLimit({
      maxSize: maxUpload,
      onError: () => {
        throw new RasdError(
          "TOO_LARGE",
          `the upload is larger than this server accepts (${Math.round(maxUpload / 1048576)} MB)`,
        );
      },
    }),
    pageRoute(opts, async (c, lang) => {
      let report: UploadReport | null = null;
      let error: string | null = null;
      let status = 200;
      try {
        const form = await readForm(c);
        checkToken(opts.token, form.fields.get("token"));
        report = await ingestUploads(opts.store, form.uploads);
      } catch (e) {
        if (!(e instanceof RasdError) || e.code === "INTERNAL" || e.code === "STORE") throw e;
        error = errorSentence(lang, e);
        status = errorResponse(e).status;
      }
      return { title: t(lang, "ingest"), body: ingestBody(lang, writable, report, error), active: "ingest", status };
    }),
  );
}
