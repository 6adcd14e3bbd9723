import type { Context } from "hono";
import type { z } from "zod";
import { countArticles, getArticle } from "../../store/articles.js";
import { RasdError, notAvailable } from "../../core/errors.js";
import type { ServerOptions } from "../context.js";
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
} from "../data/index.js";
import { exportResponse } from "./export.js";
import { readUploads } from "./uploads.js";
import * as S from "./schemas.js";

/**
 * Every endpoint of the JSON API, as data: the router mounts them and the OpenAPI document lists them, from this
 * one table. Handlers get validated input and return a JSON value; errors are thrown as RasdError.
 */
export interface Endpoint {
  method: "get" | "post";
  /** Hono-style path (`/api/stories/:id`). */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** `multipart`: files in the form field "file" (the ingest endpoint). */
  body?: "multipart";
  /** Media types of a 200 that is not JSON (the handler returns a Response). */
  produces?: string[];
  /** Needs the write token. */
  write?: boolean;
  /** Statuses besides 200 that this endpoint answers with, and why. */
  errors: Record<number, string>;
  handle(input: {
    params: Record<string, unknown>;
    query: Record<string, unknown>;
    c: Context;
    opts: ServerOptions;
  }): Promise<unknown>;
}

const BAD = { 400: "bad input: the message names the parameter and what is wrong with it" };
const MISSING = { 404: "no such item" };

type Q<T extends z.ZodObject> = z.infer<T>;

export const ENDPOINTS: readonly Endpoint[] = [
  {
    method: "get",
    path: "/api/articles",
    operationId: "listArticles",
    tag: "articles",
    summary: "stored articles, latest ingested first",
    query: S.articlesQuery,
    errors: BAD,
    handle: ({ query, opts }) => {
      const q = query as Q<typeof S.articlesQuery>;
      return listArticles(opts.store.db, { limit: q.limit, before: q.before, outlet: q.outlet, story: q.story });
    },
  },
  {
    method: "get",
    path: "/api/articles/:id",
    operationId: "getArticle",
    tag: "articles",
    summary: "one article (the Article interface of src/core/types.ts) with its story and copy links",
    params: S.idParam,
    query: S.empty,
    errors: { ...BAD, ...MISSING },
    handle: async ({ params, opts }) => {
      const id = String(params["id"]);
      const a = await getArticle(opts.store.db, id);
      if (a === null)
        throw new RasdError("NOT_FOUND", `no article with id "${id}"; list articles with GET /api/articles`, {
          input: id,
          ar: "لا يوجد مقال بهذا المعرّف.",
        });
      return { ...a, ...(await articleLinks(opts.store.db, id)) };
    },
  },
  {
    method: "get",
    path: "/api/outlets",
    operationId: "listOutlets",
    tag: "articles",
    summary: "outlets with how many articles each",
    query: S.empty,
    errors: BAD,
    handle: async ({ opts }) => ({ outlets: await listOutlets(opts.store.db) }),
  },
  {
    method: "get",
    path: "/api/stories",
    operationId: "listStories",
    tag: "stories",
    summary: "the river: stories, newest and biggest first",
    query: S.storiesQuery,
    errors: { ...BAD, 501: "story clustering has not run on this store" },
    handle: async ({ query, opts }) => {
      const q = query as Q<typeof S.storiesQuery>;
      const total = await countStories(opts.store.db);
      if (total === 0 && (await countArticles(opts.store.db)) > 0) {
        throw notAvailable("grouping articles into stories (no stories in this store)");
      }
      return { total, stories: await listStories(opts.store.db, q) };
    },
  },
  {
    method: "get",
    path: "/api/stories/:id",
    operationId: "getStory",
    tag: "stories",
    summary:
      "one story (the Story interface of src/core/types.ts): cited summary, timeline, sources, quotes, entities, claims",
    params: S.idParam,
    query: S.storyQuery,
    errors: { ...BAD, ...MISSING },
    handle: ({ params, query, opts }) =>
      getStory(opts.store.db, String(params["id"]), (query as Q<typeof S.storyQuery>).words),
  },
  {
    method: "get",
    path: "/api/topics",
    operationId: "listTopics",
    tag: "stories",
    summary: "long-running topics with their stories",
    query: S.topicsQuery,
    errors: BAD,
    handle: async ({ query, opts }) => ({ topics: await listTopics(opts.store.db, query as Q<typeof S.topicsQuery>) }),
  },
  {
    method: "get",
    path: "/api/topics/:id",
    operationId: "getTopic",
    tag: "stories",
    summary: "one topic with its stories",
    params: S.idParam,
    query: S.empty,
    errors: { ...BAD, ...MISSING },
    handle: ({ params, opts }) => getTopic(opts.store.db, String(params["id"])),
  },
  {
    method: "get",
    path: "/api/entities",
    operationId: "listEntities",
    tag: "entities",
    summary: "entities by how many articles mention them",
    query: S.entitiesQuery,
    errors: BAD,
    handle: async ({ query, opts }) => ({
      entities: await listEntities(opts.store.db, query as Q<typeof S.entitiesQuery>),
    }),
  },
  {
    method: "get",
    path: "/api/entities/:id",
    operationId: "getEntity",
    tag: "entities",
    summary: "one entity by id or by any of its names: names, articles, stories over time, quotes",
    params: S.entityParam,
    query: S.empty,
    errors: { ...BAD, ...MISSING },
    handle: ({ params, opts }) => getEntity(opts.store.db, String(params["id"])),
  },
  {
    method: "get",
    path: "/api/search",
    operationId: "search",
    tag: "search",
    summary: "ranked Arabic-aware search with snippets and highlight offsets",
    query: S.searchQuery,
    errors: { ...BAD, 404: "the entity filter names no known entity" },
    handle: ({ query, opts }) => searchArticles(opts.store.db, query as Q<typeof S.searchQuery>),
  },
  {
    method: "get",
    path: "/api/export",
    operationId: "exportArticles",
    tag: "articles",
    summary:
      "articles as a download: CSV for spreadsheets (byte-order mark, CRLF; date and its source, outlet, story, topic, entities) or JSON Lines; a search's hits with q, else every article",
    query: S.exportQuery,
    produces: ["text/csv", "application/x-ndjson"],
    errors: { ...BAD, 404: "the entity filter names no known entity" },
    handle: ({ query, opts }) => exportResponse(opts.store.db, query as Q<typeof S.exportQuery>),
  },
  {
    method: "post",
    path: "/api/ingest",
    operationId: "ingest",
    tag: "ingest",
    summary:
      "ingest uploaded pages (.txt, .html), a feed (.xml/.rss/.atom) or article records (.json/.jsonl[.gz]); needs the write token",
    query: S.empty,
    body: "multipart",
    write: true,
    errors: {
      ...BAD,
      401: "no or wrong write token, or writes disabled (no RASD_TOKEN)",
      413: "the upload is larger than the server accepts",
    },
    handle: async ({ c, opts }) => ingestUploads(opts.store, await readUploads(c)),
  },
];

/** `/api/stories/:id` → `/api/stories/{id}` (OpenAPI's path template). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_]\w*)/gu, "{$1}");
}
