import { lookupEntities, type EntityRecord } from "../../annotate/entities/persist.js";
import { RasdError } from "../../core/errors.js";
import type { EntityType } from "../../core/types.js";
import type { Sql } from "../../store/sql.js";
import {
  articlesAnnotatedWith,
  entityArticleCount,
  quotesBy,
  storiesOfArticles,
  type EntityQuote,
  type StoryRef,
} from "../../store/read/index.js";

export { listEntities, type EntityListItem as EntityCard, type EntityQuote } from "../../store/read/index.js";

export interface EntityView extends EntityRecord {
  /** How many stored articles mention it (`articles` lists at most the latest 200). */
  articleCount: number;
  stories: StoryRef[];
  quotes: EntityQuote[];
  /** Other entities that go by the name asked for (a name can be ambiguous). */
  alternatives: Array<{ id: string; name: string; type: EntityType }>;
}

/** An entity as the stored articles annotate it, for a store whose registry was not persisted. */
async function entityFromArticles(sql: Sql, id: string): Promise<EntityRecord | null> {
  const rows = await articlesAnnotatedWith(sql, id);
  const first = rows[0];
  if (first === undefined) return null;
  const names = new Set<string>();
  for (const r of rows) {
    names.add(r.entity.name);
    for (const m of r.entity.mentions) names.add(m.text);
  }
  return {
    id,
    type: first.entity.type,
    name: first.entity.name,
    names: [...names].sort(),
    articles: rows.map((r) => ({
      id: r.id,
      title: r.title,
      published: r.published,
      mentions: r.entity.mentions.length,
    })),
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
  return {
    ...e,
    articleCount: Math.max(await entityArticleCount(sql, e.id), e.articles.length),
    stories: await storiesOfArticles(sql, articleIds),
    quotes: await quotesBy(sql, e.id, articleIds),
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
