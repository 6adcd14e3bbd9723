import type { ArticleEntity, EntityType } from "../../core/types.js";
import type { Sql } from "../sql.js";
import type { StoryMember } from "./stories.js";

/**
 * The entities read model: entity lists, an entity's quotes, the entities of stories, and the articles that mention
 * an entity. Each reads the entity registry when the store has one, else the entities annotated on the stored
 * articles (a store filled before the registry was persisted). The registry's own lookups by name live with the
 * registry (annotate/entities/persist.ts), which owns the name keys.
 */
export interface EntityListItem {
  id: string;
  type: EntityType;
  name: string;
  articles: number;
}

async function hasRegistry(sql: Sql): Promise<boolean> {
  const [reg] = await sql.query<{ has: boolean }>("SELECT EXISTS (SELECT 1 FROM entities) AS has");
  return reg?.has === true;
}

/** Entities by how many articles mention them; `q` keeps those one of whose names contains it. */
export async function listEntities(
  sql: Sql,
  opts: { limit: number; offset: number; type?: string | undefined; q?: string | undefined },
): Promise<EntityListItem[]> {
  const params = [opts.limit, opts.offset, opts.type ?? null, opts.q ?? null];
  const rows = await sql.query<EntityListItem>(
    (await hasRegistry(sql))
      ? `SELECT e.id, e.type, e.name, count(ae.article_id)::int AS articles
           FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id
          WHERE ($3::text IS NULL OR e.type = $3)
            AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_id = e.id AND strpos(n.name, $4) > 0))
          GROUP BY e.id, e.type, e.name ORDER BY articles DESC, e.name, e.id LIMIT $1 OFFSET $2`
      : `SELECT x->>'id' AS id, min(x->>'type') AS type, min(x->>'name') AS name, count(DISTINCT a.id)::int AS articles
           FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.doc->'entities') AS x
          WHERE ($3::text IS NULL OR x->>'type' = $3) AND ($4::text IS NULL OR strpos(x::text, $4) > 0)
          GROUP BY x->>'id' ORDER BY articles DESC, name, id LIMIT $1 OFFSET $2`,
    params,
  );
  return rows.map((r) => ({ ...r, articles: Number(r.articles) }));
}

/** An article that mentions an entity, with its stored date. */
export interface MentioningArticle {
  id: string;
  title: string;
  published: string | null;
  entity: ArticleEntity;
}

/** The articles annotated with entity `id` (newest first, at most 200), for a store without a registry. */
export async function articlesAnnotatedWith(sql: Sql, id: string): Promise<MentioningArticle[]> {
  return sql.query<MentioningArticle>(
    `SELECT a.id, a.title, a.published, x AS entity
       FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.doc->'entities') AS x
      WHERE a.doc->'entities' @> $1::jsonb AND x->>'id' = $2
      ORDER BY a.published DESC NULLS LAST, a.ingested_seq DESC LIMIT 200`,
    [JSON.stringify([{ id }]), id],
  );
}

export interface EntityQuote {
  text: string;
  article: { id: string; title: string; published: string | null; outlet: string | null };
}

/** How many stored articles the registry links to the entity (its page lists only the latest of them). */
export async function entityArticleCount(sql: Sql, entityId: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM article_entities WHERE entity_id = $1", [
    entityId,
  ]);
  return Number(row?.n ?? 0);
}

/** What the entity said in these articles, oldest first (undated last). */
export async function quotesBy(sql: Sql, entityId: string, articleIds: readonly string[]): Promise<EntityQuote[]> {
  const rows = await sql.query<{
    text: string;
    id: string;
    title: string;
    published: string | null;
    outlet: string | null;
  }>(
    `SELECT q->>'text' AS text, a.id, a.title, a.published, a.outlet
       FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.doc->'quotes') AS q
      WHERE a.id = ANY($1::text[]) AND q->'speaker'->>'id' = $2
      ORDER BY a.published NULLS LAST, a.ingested_seq LIMIT 100`,
    [[...articleIds], entityId],
  );
  return rows.map((q) => ({
    text: q.text,
    article: { id: q.id, title: q.title, published: q.published, outlet: q.outlet },
  }));
}

/** Which of `articleIds` mention one of `entityIds` (by the registry's links or the article's own entities). */
export async function articlesMentioning(
  sql: Sql,
  entityIds: readonly string[],
  articleIds: readonly string[],
): Promise<Set<string>> {
  const rows = await sql.query<{ id: string }>(
    `SELECT a.id FROM articles a WHERE a.id = ANY($2::text[])
        AND (EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND ae.entity_id = ANY($1::text[]))
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(a.doc->'entities') AS x WHERE x->>'id' = ANY($1::text[])))`,
    [[...entityIds], [...articleIds]],
  );
  return new Set(rows.map((r) => r.id));
}

export interface StoryEntity {
  id: string;
  name: string;
  type: string;
  articles: number;
}

/** The `per` most mentioned entities of each story (by how many of its articles mention them). */
export async function topEntitiesOf(
  sql: Sql,
  members: readonly StoryMember[],
  per: number,
): Promise<Map<string, StoryEntity[]>> {
  if (members.length === 0) return new Map();
  const storyOf = new Map(members.map((m) => [m.id, m.story]));
  const ids = [...storyOf.keys()];
  const [reg] = await sql.query<{ has: boolean }>("SELECT EXISTS (SELECT 1 FROM article_entities) AS has");
  const registry = reg?.has === true;
  type Link = { article: string; entity: string; name: string | null; type: string | null };
  const links = registry
    ? await sql.query<Link>(
        "SELECT article_id AS article, entity_id AS entity, NULL AS name, NULL AS type FROM article_entities WHERE article_id = ANY($1::text[])",
        [ids],
      )
    : await sql.query<Link>(
        `SELECT DISTINCT ON (a.id, x->>'id') a.id AS article, x->>'id' AS entity, x->>'name' AS name, x->>'type' AS type
         FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.doc->'entities') AS x WHERE a.id = ANY($1::text[])`,
        [ids],
      );
  const counts = new Map<string, Map<string, number>>();
  for (const l of links) {
    const story = storyOf.get(l.article);
    if (story === undefined) continue;
    const c = counts.get(story) ?? new Map<string, number>();
    c.set(l.entity, (c.get(l.entity) ?? 0) + 1);
    counts.set(story, c);
  }
  const top = new Map<string, Array<[string, number]>>();
  for (const [story, c] of counts)
    top.set(story, [...c.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, per));
  const wanted = [...new Set([...top.values()].flat().map(([e]) => e))];
  const info = new Map<string, { name: string; type: string }>();
  if (registry) for (const e of await entityInfo(sql, wanted)) info.set(e.id, e);
  else
    for (const l of links)
      if (l.name !== null && !info.has(l.entity)) info.set(l.entity, { name: l.name, type: l.type ?? "other" });
  const out = new Map<string, StoryEntity[]>();
  for (const [story, list] of top) {
    out.set(
      story,
      list.flatMap(([id, n]) => {
        const e = info.get(id);
        return e === undefined ? [] : [{ id, name: e.name, type: e.type, articles: n }];
      }),
    );
  }
  return out;
}

async function entityInfo(
  sql: Sql,
  ids: readonly string[],
): Promise<Array<{ id: string; name: string; type: string }>> {
  if (ids.length === 0) return [];
  return sql.query("SELECT id, name, type FROM entities WHERE id = ANY($1::text[])", [ids]);
}
