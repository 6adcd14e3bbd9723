import { lookupEntities, type EntityRecord } from "../../annotate/entities/persist.js";
import { RasdError } from "../../core/errors.js";
import type { EntityType } from "../../core/types.js";
import type { Sql } from "../../store/sql.js";

export interface EntityCard {
  id: string;
  type: EntityType;
  name: string;
  articles: number;
}

/** Entities by how many articles mention them; `q` keeps those one of whose names contains it. */
export async function listEntities(sql: Sql, opts: { limit: number; offset: number; type?: string | undefined; q?: string | undefined }): Promise<EntityCard[]> {
  const rows = await sql.query<EntityCard>(
    `SELECT e.id, e.type, e.name, count(ae.article_id)::int AS articles
       FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id
      WHERE ($3::text IS NULL OR e.type = $3)
        AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_id = e.id AND strpos(n.name, $4) > 0))
      GROUP BY e.id, e.type, e.name ORDER BY articles DESC, e.name, e.id LIMIT $1 OFFSET $2`,
    [opts.limit, opts.offset, opts.type ?? null, opts.q ?? null],
  );
  return rows.map((r) => ({ ...r, articles: Number(r.articles) }));
}

export interface EntityQuote {
  text: string;
  article: { id: string; title: string; published: string | null; outlet: string | null };
}

export interface EntityView extends EntityRecord {
  stories: Array<{ id: string; title: string; from: string | null; to: string | null; articles: number }>;
  quotes: EntityQuote[];
  /** Other entities that go by the name asked for (a name can be ambiguous). */
  alternatives: Array<{ id: string; name: string; type: EntityType }>;
}

/** An entity by id or by any of its names (any spelling), with its stories over time and its quotes. */
export async function getEntity(sql: Sql, idOrName: string): Promise<EntityView> {
  const found = await lookupEntities(sql, idOrName);
  found.sort((a, b) => b.articles.length - a.articles.length || a.id.localeCompare(b.id));
  const [e, ...rest] = found;
  if (e === undefined) {
    throw new RasdError("NOT_FOUND", `no entity with the id or name "${idOrName}"; list entities with GET /api/entities?q=…`, { input: idOrName });
  }
  const stories = await sql.query<EntityView["stories"][number]>(
    `SELECT s.id, s.title, s.first_date AS "from", s.last_date AS "to", count(*)::int AS articles
       FROM article_entities ae JOIN articles a ON a.id = ae.article_id JOIN stories s ON s.id = a.story_id
      WHERE ae.entity_id = $1 GROUP BY s.id, s.title, s.first_date, s.last_date
      ORDER BY s.first_date NULLS LAST, s.id LIMIT 200`,
    [e.id],
  );
  const quotes = await sql.query<{ text: string; id: string; title: string; published: string | null; outlet: string | null }>(
    `SELECT q->>'text' AS text, a.id, a.title, a.published, a.outlet
       FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.doc->'quotes') AS q
      WHERE a.id IN (SELECT article_id FROM article_entities WHERE entity_id = $1) AND q->'speaker'->>'id' = $1
      ORDER BY a.published NULLS LAST, a.ingested_seq LIMIT 100`,
    [e.id],
  );
  return {
    ...e,
    stories: stories.map((s) => ({ ...s, articles: Number(s.articles) })),
    quotes: quotes.map((q) => ({ text: q.text, article: { id: q.id, title: q.title, published: q.published, outlet: q.outlet } })),
    alternatives: rest.map((r) => ({ id: r.id, name: r.name, type: r.type })),
  };
}

/** The ids of every entity the text names (an id, or a name in any spelling), for the search filter. */
export async function resolveEntityIds(sql: Sql, idOrName: string): Promise<string[]> {
  return (await lookupEntities(sql, idOrName)).map((e) => e.id);
}
