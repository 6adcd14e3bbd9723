import type { Sql } from "../sql.js";

/**
 * The articles read model for lists (the API's article list, outlets, an article's links). An article's date is
 * its one stored date (`articles.published`, the same as `doc.published.date`) wherever it is shown.
 */
export interface ArticleListItem {
  id: string;
  title: string;
  published: string | null;
  outlet: string | null;
  story: string | null;
  duplicateOf: string | null;
  seq: number;
}

/** Stored articles, latest ingested first; `before` is the `seq` of the last one seen (keyset pagination). */
export async function listArticles(
  sql: Sql,
  opts: { limit: number; before?: number | undefined; outlet?: string | undefined; story?: string | undefined },
): Promise<{ articles: ArticleListItem[]; next: number | null }> {
  const rows = await sql.query<ArticleListItem>(
    `SELECT id, title, published, outlet, story_id AS story, duplicate_of AS "duplicateOf", ingested_seq::float8 AS seq
       FROM articles
      WHERE ($2::bigint IS NULL OR ingested_seq < $2) AND ($3::text IS NULL OR outlet = $3) AND ($4::text IS NULL OR story_id = $4)
      ORDER BY ingested_seq DESC LIMIT $1`,
    [opts.limit, opts.before ?? null, opts.outlet ?? null, opts.story ?? null],
  );
  const articles = rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  const last = articles[articles.length - 1];
  return { articles, next: articles.length === opts.limit && last !== undefined ? last.seq : null };
}

export async function listOutlets(sql: Sql): Promise<Array<{ name: string; articles: number }>> {
  const rows = await sql.query<{ name: string; articles: number }>(
    "SELECT outlet AS name, count(*)::int AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet LIMIT 500",
  );
  return rows.map((r) => ({ name: r.name, articles: Number(r.articles) }));
}

/** Which story an article belongs to and what it copies, beside the Article itself. */
export async function articleLinks(
  sql: Sql,
  id: string,
): Promise<{ story: string | null; storyTitle: string | null; duplicateOf: string | null }> {
  const [r] = await sql.query<{ story: string | null; title: string | null; dup: string | null }>(
    "SELECT a.story_id AS story, s.title, a.duplicate_of AS dup FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = $1",
    [id],
  );
  return { story: r?.story ?? null, storyTitle: r?.title ?? null, duplicateOf: r?.dup ?? null };
}

/** Whether the store holds articles, and whether the search index holds any (a store filled without it). */
export async function indexState(sql: Sql): Promise<{ stored: boolean; indexed: boolean }> {
  const [r] = await sql.query<{ indexed: boolean; stored: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM search_docs) AS indexed, EXISTS (SELECT 1 FROM articles) AS stored`,
  );
  return { stored: r?.stored === true, indexed: r?.indexed === true };
}

/** The ingest sequence number of the latest stored article ("" when none): changes whenever an article is stored. */
export async function lastIngested(sql: Sql): Promise<string> {
  const [v] = await sql.query<{ v: string | null }>("SELECT max(ingested_seq)::text AS v FROM articles");
  return v?.v ?? "";
}
