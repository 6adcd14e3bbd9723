import { lookupEntities, type EntityRecord } from "../../annotate/entities/persist.js";
import { RasdError } from "../../core/errors.js";
import type { ArticleEntity, EntityType } from "../../core/types.js";
import type { Sql } from "../../store/sql.js";

export interface EntityCard {
  id: string;
  type: EntityType;
  name: string;
  articles: number;
}

/**
 * Entities by how many articles mention them; `q` keeps those one of whose names contains it. From the registry
 * when the store has one, else from the entities annotated on the stored articles.
 */
export async function listEntities(
  sql: Sql,
  opts: { limit: number; offset: number; type?: string | undefined; q?: string | undefined },
): Promise<EntityCard[]> {
  const [reg] = await sql.query<{ has: boolean }>("SELECT EXISTS (SELECT 1 FROM entities) AS has");
  const params = [opts.limit, opts.offset, opts.type ?? null, opts.q ?? null];
  const rows = await sql.query<EntityCard>(
    reg?.has === true
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

export interface EntityQuote {
  text: string;
  article: { id: string; title: string; published: string | null; outlet: string | null };
}

export interface EntityView extends EntityRecord {
  /** How many stored articles mention it (`articles` lists at most the latest 200). */
  articleCount: number;
  stories: Array<{ id: string; title: string; from: string | null; to: string | null; articles: number }>;
  quotes: EntityQuote[];
  /** Other entities that go by the name asked for (a name can be ambiguous). */
  alternatives: Array<{ id: string; name: string; type: EntityType }>;
}

/** An entity as the stored articles annotate it, for a store whose registry was not persisted. */
async function entityFromArticles(sql: Sql, id: string): Promise<EntityRecord | null> {
  const rows = await sql.query<{ id: string; title: string; published: string | null; ent: ArticleEntity }>(
    `SELECT a.id, a.title, a.published, x AS ent
       FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.doc->'entities') AS x
      WHERE a.doc->'entities' @> $1::jsonb AND x->>'id' = $2
      ORDER BY a.published DESC NULLS LAST, a.ingested_seq DESC LIMIT 200`,
    [JSON.stringify([{ id }]), id],
  );
  const first = rows[0];
  if (first === undefined) return null;
  const names = new Set<string>();
  for (const r of rows) {
    names.add(r.ent.name);
    for (const m of r.ent.mentions) names.add(m.text);
  }
  return {
    id,
    type: first.ent.type,
    name: first.ent.name,
    names: [...names].sort(),
    articles: rows.map((r) => ({ id: r.id, title: r.title, published: r.published, mentions: r.ent.mentions.length })),
  };
}

/** An entity by id or by any of its names (any spelling), with its stories over time and its quotes. */
export async function getEntity(sql: Sql, idOrName: string): Promise<EntityView> {
  const found = await lookupEntities(sql, idOrName);
  if (found.length === 0) {
    const fromDocs = await entityFromArticles(sql, idOrName);
    if (fromDocs !== null) found.push(fromDocs);
  }
  found.sort((a, b) => b.articles.length - a.articles.length || a.id.localeCompare(b.id));
  const [e, ...rest] = found;
  if (e === undefined) {
    throw new RasdError(
      "NOT_FOUND",
      `no entity with the id or name "${idOrName}"; list entities with GET /api/entities?q=…`,
      { input: idOrName, ar: `لا يوجد كيان بهذا الاسم أو المعرّف: «${idOrName}»؛ جرّب تهجئة أخرى في صفحة الكيانات.` },
    );
  }
  const articleIds = e.articles.map((a) => a.id);
  const stories = await sql.query<EntityView["stories"][number]>(
    `SELECT s.id, s.title, s.first_date AS "from", s.last_date AS "to", count(*)::int AS articles
       FROM articles a JOIN stories s ON s.id = a.story_id
      WHERE a.id = ANY($1::text[]) GROUP BY s.id, s.title, s.first_date, s.last_date
      ORDER BY s.first_date NULLS LAST, s.id LIMIT 200`,
    [articleIds],
  );
  const quotes = await sql.query<{
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
    [articleIds, e.id],
  );
  const [count] = await sql.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM article_entities WHERE entity_id = $1",
    [e.id],
  );
  return {
    ...e,
    articleCount: Math.max(Number(count?.n ?? 0), e.articles.length),
    stories: stories.map((s) => ({ ...s, articles: Number(s.articles) })),
    quotes: quotes.map((q) => ({
      text: q.text,
      article: { id: q.id, title: q.title, published: q.published, outlet: q.outlet },
    })),
    alternatives: rest.map((r) => ({ id: r.id, name: r.name, type: r.type })),
  };
}

/** The ids of every entity the text names (an id, or a name in any spelling), for the search filter. */
export async function resolveEntityIds(sql: Sql, idOrName: string): Promise<string[]> {
  const ids = (await lookupEntities(sql, idOrName)).map((e) => e.id);
  if (ids.length > 0) return ids;
  const e = await entityFromArticles(sql, idOrName);
  return e === null ? [] : [e.id];
}
