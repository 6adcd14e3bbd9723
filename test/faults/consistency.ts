/**
 * What "the store is consistent" means after a fault, as queries any of the two drivers can run: every article
 * stored once; every derived row (story placement, stories, topics, search postings, entity links) consistent with
 * the articles, neither missing nor left over from a batch that did not commit.
 */
import type { Sql } from "../../src/store/sql.js";

async function n(sql: Sql, text: string): Promise<number> {
  const rows = await sql.query<{ n: number }>(text);
  return Number(rows[0]?.n ?? 0);
}

export interface StoreCounts {
  articles: number;
  stories: number;
  topics: number;
  placed: number;
  indexed: number;
}

export async function counts(sql: Sql): Promise<StoreCounts> {
  return {
    articles: await n(sql, "SELECT count(*)::int AS n FROM articles"),
    stories: await n(sql, "SELECT count(*)::int AS n FROM stories"),
    topics: await n(sql, "SELECT count(*)::int AS n FROM topics"),
    placed: await n(sql, "SELECT count(*)::int AS n FROM cluster_articles"),
    indexed: await n(sql, "SELECT count(*)::int AS n FROM search_docs"),
  };
}

/**
 * The problems found, each as one sentence with the count (an empty list: consistent). `search`: whether the search
 * hook ran on this store (the CLI's default hooks do not run it yet; the server's fixture does).
 */
export async function consistencyProblems(
  sql: Sql,
  opts: { search?: boolean; cluster?: boolean } = {},
): Promise<string[]> {
  const checks: Array<[string, string]> = [
    [
      "articles stored twice (same source and content)",
      "SELECT count(*)::int AS n FROM (SELECT source_key, content_hash FROM articles GROUP BY 1, 2 HAVING count(*) > 1) d",
    ],
    ["articles whose stored document has another id", "SELECT count(*)::int AS n FROM articles WHERE doc->>'id' <> id"],
    [
      "placements of articles that do not exist",
      "SELECT count(*)::int AS n FROM cluster_articles c LEFT JOIN articles a ON a.id = c.article_id WHERE a.id IS NULL",
    ],
    [
      "articles in a story that does not exist",
      "SELECT count(*)::int AS n FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.story_id IS NOT NULL AND s.id IS NULL",
    ],
    [
      "articles whose story differs from their placement",
      "SELECT count(*)::int AS n FROM articles a JOIN cluster_articles c ON c.article_id = a.id WHERE a.story_id IS DISTINCT FROM c.story_id",
    ],
    [
      "stories in a topic that does not exist",
      "SELECT count(*)::int AS n FROM stories s LEFT JOIN topics t ON t.id = s.topic_id WHERE s.topic_id IS NOT NULL AND t.id IS NULL",
    ],
    [
      "stories without any article",
      "SELECT count(*)::int AS n FROM stories s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)",
    ],
    [
      "stories whose article_count is not their number of articles",
      "SELECT count(*)::int AS n FROM stories s WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.story_id = s.id)",
    ],
    [
      "copies linked to an original that does not exist",
      "SELECT count(*)::int AS n FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.duplicate_of IS NOT NULL AND o.id IS NULL",
    ],
    [
      "search entries of articles that do not exist",
      "SELECT count(*)::int AS n FROM search_docs d LEFT JOIN articles a ON a.id = d.article_id WHERE a.id IS NULL",
    ],
    [
      "search entries whose doc number is not the article's",
      "SELECT count(*)::int AS n FROM search_docs d JOIN articles a ON a.id = d.article_id WHERE d.doc <> a.ingested_seq",
    ],
    [
      "search totals that disagree with the indexed documents",
      "SELECT count(*)::int AS n FROM search_stats s WHERE s.docs <> (SELECT count(*) FROM search_docs) OR s.total_len <> (SELECT coalesce(sum(len), 0) FROM search_docs)",
    ],
    [
      "entity links of articles that do not exist",
      "SELECT count(*)::int AS n FROM article_entities e LEFT JOIN articles a ON a.id = e.article_id WHERE a.id IS NULL",
    ],
  ];
  if (opts.cluster !== false) {
    checks.push([
      "articles without a story placement",
      "SELECT count(*)::int AS n FROM articles a LEFT JOIN cluster_articles c ON c.article_id = a.id WHERE c.article_id IS NULL",
    ]);
    checks.push(["articles without a story", "SELECT count(*)::int AS n FROM articles WHERE story_id IS NULL"]);
  }
  if (opts.search === true)
    checks.push([
      "articles missing from the search index",
      "SELECT count(*)::int AS n FROM articles a LEFT JOIN search_docs d ON d.article_id = a.id WHERE d.article_id IS NULL",
    ]);
  const problems: string[] = [];
  for (const [what, q] of checks) {
    const count = await n(sql, q);
    if (count > 0) problems.push(`${count} ${what}`);
  }
  return problems;
}
