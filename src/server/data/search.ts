import { RasdError, notAvailable } from "../../core/errors.js";
import { search, type SearchResult } from "../../search/index.js";
import { articlesMentioning, indexState } from "../../store/read/index.js";
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
  const keep = await articlesMentioning(
    sql,
    ids,
    res.hits.map((h) => h.id),
  );
  const hits = res.hits.filter((h) => keep.has(h.id));
  return { ...res, total: hits.length, hits: hits.slice(0, p.limit), entity: ids };
}

/** A store with articles but an empty index was filled without the search hook: say so rather than find nothing. */
async function checkIndexed(sql: Sql): Promise<void> {
  const r = await indexState(sql);
  if (r.stored && !r.indexed)
    throw notAvailable("search over this store (its articles were stored without the search index)");
}
