import type { Article, StoryEntity } from "../core/types.js";

/** How many entities a story lists (the most widely reported first). */
export const MAX_ENTITIES = 30;

/**
 * The story's entities: one row per entity id (ids are shared across articles and spellings), with the number of
 * articles that mention it. Its name is the spelling used most often across the story's articles.
 */
export function storyEntities(articles: readonly Article[]): StoryEntity[] {
  const rows = new Map<string, { e: StoryEntity; mentions: number; names: Map<string, number> }>();
  for (const a of articles) {
    for (const e of a.entities) {
      let row = rows.get(e.id);
      if (!row)
        rows.set(
          e.id,
          (row = { e: { id: e.id, name: e.name, type: e.type, articles: 0 }, mentions: 0, names: new Map() }),
        );
      row.e.articles++;
      row.mentions += Math.max(1, e.mentions.length);
      row.names.set(e.name, (row.names.get(e.name) ?? 0) + 1);
    }
  }
  for (const row of rows.values()) row.e.name = mostFrequent(row.names) ?? row.e.name;
  return [...rows.values()]
    .sort((x, y) => y.e.articles - x.e.articles || y.mentions - x.mentions || x.e.id.localeCompare(y.e.id))
    .slice(0, MAX_ENTITIES)
    .map((r) => r.e);
}

function mostFrequent(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}
