import { inferStoryDates } from "../annotate/published/story.js";
import type { Article } from "../core/types.js";
import type { Sql } from "../store/sql.js";

/** Articles of one story read for date inference: the most recent, so a huge story costs a bounded read. */
export const DATE_INFERENCE_ARTICLES = 200;

/**
 * Publication dates across a story (issue 7, with the dates annotator's `inferStoryDates`), computed here once and
 * stored, so that every view, filter and export shows the same date: for each touched story that holds an article
 * the story may place (no day of its own, or only a feed's or crawler's timestamp) and something to place it by
 * (an article dated by its page or by the story, or one whose page left its day open, e.g. between two readings of
 * its dateline), chosen on the columns alone (not the documents: this runs on every batch), its articles settle
 * each other's dates, in ingest order as `rasd story` reads them; an article whose date is found this way is stored
 * with the new `published` (source `story`; its `evidence` says which sibling fixed it). Then each touched story's
 * first and last dates are its articles' stored dates, earliest and latest, as the story page computes its span.
 * Returns how many articles were re-dated.
 */
export async function inferDatesForStories(tx: Sql, storyIds: readonly string[]): Promise<number> {
  if (storyIds.length === 0) return 0;
  // One pass over the stories' articles: their spans as stored now, and which stories have dates to infer.
  const open = await tx.query<{ story_id: string }>(
    `WITH agg AS (
       SELECT story_id, min(published COLLATE "C") AS first, max(published COLLATE "C") AS last,
              count(*) > 1
                AND bool_or(published_precision IS DISTINCT FROM 'day' OR published_source IN ('crawl', 'feed'))
                AND bool_or(published_precision IS NULL OR (published_precision = 'day' AND published_source IN ('page', 'story')))
                AS open
         FROM articles WHERE story_id = ANY($1::text[]) GROUP BY story_id),
     spans AS (
       UPDATE stories s SET first_date = agg.first, last_date = agg.last FROM agg
        WHERE s.id = agg.story_id AND (s.first_date IS DISTINCT FROM agg.first OR s.last_date IS DISTINCT FROM agg.last))
     SELECT story_id FROM agg WHERE open`,
    [[...storyIds]],
  );
  let changed = 0;
  const redated: string[] = [];
  for (const { story_id } of open) {
    const rows = await tx.query<{ doc: Article }>(
      "SELECT doc FROM articles WHERE story_id = $1 ORDER BY ingested_seq DESC LIMIT $2",
      [story_id, DATE_INFERENCE_ARTICLES],
    );
    const before = rows.map((r) => r.doc).reverse();
    const after = inferStoryDates(before);
    const updates = after.filter((a, i) => a.published.date !== before[i]!.published.date);
    for (const a of updates) {
      await tx.query(
        "UPDATE articles SET doc = $2::jsonb, published = $3, published_precision = $4, published_source = $5 WHERE id = $1",
        [a.id, JSON.stringify(a), a.published.date, a.published.precision, a.published.source ?? null],
      );
    }
    if (updates.length > 0) redated.push(story_id);
    changed += updates.length;
  }
  await storySpans(tx, redated);
  return changed;
}

/** Each story's first and last dates from its articles' stored dates (a story with none stays undated). */
async function storySpans(tx: Sql, storyIds: readonly string[]): Promise<void> {
  if (storyIds.length === 0) return;
  await tx.query(
    `UPDATE stories s SET first_date = x.first, last_date = x.last
       FROM (SELECT story_id, min(published COLLATE "C") AS first, max(published COLLATE "C") AS last
               FROM articles WHERE story_id = ANY($1::text[]) GROUP BY story_id) x
      WHERE s.id = x.story_id AND (s.first_date IS DISTINCT FROM x.first OR s.last_date IS DISTINCT FROM x.last)`,
    [[...storyIds]],
  );
}
