import { inferStoryDates } from "../annotate/published/story.js";
import type { Article } from "../core/types.js";
import type { Sql } from "../store/sql.js";

/** Articles of one story read for date inference: the most recent, so a huge story costs a bounded read. */
export const DATE_INFERENCE_ARTICLES = 200;

/**
 * Publication dates across a story (issue 7, with the dates annotator's `inferStoryDates`): for each touched story
 * that still holds an article without a day-precision date, its articles settle each other's dates; an article
 * whose date is found this way is stored with the new `published` (its `evidence` says which sibling fixed it).
 */
export async function inferDatesForStories(tx: Sql, storyIds: readonly string[]): Promise<number> {
  if (storyIds.length === 0) return 0;
  const open = await tx.query<{ story_id: string }>(
    `SELECT DISTINCT story_id FROM articles
      WHERE story_id = ANY($1::text[]) AND (published IS NULL OR published_precision IS DISTINCT FROM 'day')`,
    [[...storyIds]],
  );
  let changed = 0;
  for (const { story_id } of open) {
    const rows = await tx.query<{ doc: Article }>(
      "SELECT doc FROM articles WHERE story_id = $1 ORDER BY ingested_seq DESC LIMIT $2",
      [story_id, DATE_INFERENCE_ARTICLES],
    );
    const before = rows.map((r) => r.doc);
    if (before.length < 2) continue;
    const after = inferStoryDates(before);
    const updates = after.filter((a, i) => a.published.date !== before[i]!.published.date);
    for (const a of updates) {
      await tx.query("UPDATE articles SET doc = $2::jsonb, published = $3, published_precision = $4 WHERE id = $1", [
        a.id,
        JSON.stringify(a),
        a.published.date,
        a.published.precision,
      ]);
    }
    changed += updates.length;
  }
  return changed;
}
