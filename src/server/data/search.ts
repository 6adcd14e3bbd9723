import { RasdError, notAvailable } from "../../core/errors.js";
import { search, type SearchResult } from "../../search/index.js";
import type { Sql } from "../../store/sql.js";
import { resolveEntityIds } from "./entities.js";

export interface SearchParams {
  q: string;
  limit: number;
  since?: string | undefined;
  until?: string | undefined;
  outlet?: string | undefined;
  /** An entity id or name: only articles that mention that entity. */
  entity?: string | undefined;
}

/** How many ranked hits are read before the entity filter keeps the ones that mention the entity. */
const ENTITY_POOL = 1000;

/** Ranked Arabic-aware search with the filters of the search page. */
export async function searchArticles(sql: Sql, p: SearchParams): Promise<SearchResult & { entity?: string[] }> {
  await checkIndexed(sql);
  const base = { since: p.since, until: p.until, outlet: p.outlet };
  if (p.entity === undefined) return search(sql, p.q, { ...base, limit: p.limit });
  const ids = await resolveEntityIds(sql, p.entity);
  if (ids.length === 0) {
    throw new RasdError(
      "NOT_FOUND",
      `search: no entity with the id or name "${p.entity}"; list entities with GET /api/entities?q=…`,
      { input: p.entity, ar: `لا يوجد كيان بهذا الاسم أو المعرّف: «${p.entity}».` },
    );
  }
  const res = await search(sql, p.q, { ...base, limit: ENTITY_POOL });
  const rows = await sql.query<{ id: string }>(
    // The registry's links, or the entities annotated on the article itself (a store without a persisted registry).
    `SELECT a.id FROM articles a WHERE a.id = ANY($2::text[])
        AND (EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND ae.entity_id = ANY($1::text[]))
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(a.doc->'entities') AS x WHERE x->>'id' = ANY($1::text[])))`,
    [ids, res.hits.map((h) => h.id)],
  );
  const keep = new Set(rows.map((r) => r.id));
  const hits = res.hits.filter((h) => keep.has(h.id));
  return { ...res, total: hits.length, hits: hits.slice(0, p.limit), entity: ids };
}

/** A store with articles but an empty index was filled without the search hook: say so rather than find nothing. */
async function checkIndexed(sql: Sql): Promise<void> {
  const [r] = await sql.query<{ indexed: boolean; stored: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM search_docs) AS indexed, EXISTS (SELECT 1 FROM articles) AS stored`,
  );
  if (r !== undefined && r.stored && !r.indexed)
    throw notAvailable("search over this store (its articles were stored without the search index)");
}
