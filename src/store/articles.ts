import type { Article } from "../core/types.js";
import type { Sql } from "./sql.js";

/** What the ingest path stores for one article, beside the Article itself. */
export interface ArticleRow {
  article: Article;
  /** Identifies the page independently of its content: URL, or the real path of the file (+ record number). */
  sourceKey: string;
  /** Hash of the article's normalised text: equal for exact copies, whatever their source. */
  contentHash: string;
  url: string | null;
  outlet: string | null;
}

/** A stored article with the ids the clustering gave it. */
export interface StoredArticle {
  article: Article;
  seq: number;
  ingestedAt: string;
  story: string | null;
  topic: string | null;
}

/**
 * Inserts the rows that are not stored yet, in one statement, and returns the ids that were new.
 * Idempotent by construction: an article's id derives from its source and content (see pipeline/identity.ts).
 */
export async function insertArticles(sql: Sql, rows: readonly ArticleRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const payload = rows.map((r) => ({
    id: r.article.id,
    source_key: r.sourceKey,
    content_hash: r.contentHash,
    path: r.article.source.path,
    url: r.url,
    outlet: r.outlet,
    title: r.article.title,
    lang: r.article.lang,
    published: r.article.published.date,
    published_precision: r.article.published.precision,
    published_source: r.article.published.source ?? null,
    doc: r.article,
  }));
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO articles (id, source_key, content_hash, path, url, outlet, title, lang, published, published_precision, published_source, doc)
     SELECT x.id, x.source_key, x.content_hash, x.path, x.url, x.outlet, x.title, x.lang, x.published, x.published_precision,
            x.published_source, x.doc
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, source_key text, content_hash text, path text, url text,
            outlet text, title text, lang text, published text, published_precision text, published_source text, doc jsonb)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [JSON.stringify(payload)],
  );
  return new Set(inserted.map((r) => r.id));
}

/** Which of these ids are already stored. */
export async function existingIds(sql: Sql, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>("SELECT id FROM articles WHERE id = ANY($1::text[])", [ids]);
  return new Set(rows.map((r) => r.id));
}

export async function getArticle(sql: Sql, id: string): Promise<Article | null> {
  const rows = await sql.query<{ doc: Article }>("SELECT doc FROM articles WHERE id = $1", [id]);
  return rows[0]?.doc ?? null;
}

export async function getArticles(sql: Sql, ids: readonly string[]): Promise<Article[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ doc: Article }>(
    "SELECT doc FROM articles WHERE id = ANY($1::text[]) ORDER BY ingested_seq",
    [ids],
  );
  return rows.map((r) => r.doc);
}

export async function countArticles(sql: Sql): Promise<number> {
  const rows = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
  return Number(rows[0]?.n ?? 0);
}

/**
 * Every stored article in ingest order, a page at a time (keyset pagination on the ingest sequence, so a long
 * export neither holds everything in memory nor slows down with the offset).
 */
export async function* iterateArticles(sql: Sql, pageSize = 500): AsyncGenerator<StoredArticle> {
  let after = 0;
  for (;;) {
    const rows = await sql.query<{ doc: Article; seq: number; at: string; story: string | null; topic: string | null }>(
      `SELECT a.doc, a.ingested_seq::float8 AS seq, a.ingested_at::text AS at, a.story_id AS story, s.topic_id AS topic
         FROM articles a LEFT JOIN stories s ON s.id = a.story_id
        WHERE a.ingested_seq > $1 ORDER BY a.ingested_seq LIMIT $2`,
      [after, pageSize],
    );
    for (const r of rows)
      yield { article: r.doc, seq: Number(r.seq), ingestedAt: r.at, story: r.story, topic: r.topic };
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || last === undefined) return;
    after = Number(last.seq);
  }
}
