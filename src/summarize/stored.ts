import { RasdError } from "../core/errors.js";
import type { Story } from "../core/types.js";
import { storyArticles } from "../store/read/stories.js";
import type { Sql } from "../store/sql.js";
import { summarizeStory, type SummarizeOptions } from "./story.js";

/**
 * A stored story (the clustering's `articles.story_id`), summarised from its articles as the store holds them: their
 * stored dates (the story-level inference was done and stored when the story last changed, so the story page, the
 * river and every list show the same dates) and the store's own copy links (`articles.duplicate_of`). Throws
 * NOT_FOUND when no article carries that story id.
 */
export async function storedStory(
  sql: Sql,
  id: string,
  opts: Pick<SummarizeOptions, "words" | "quotesPerSpeaker"> = {},
): Promise<Story> {
  const { articles, duplicateOf } = await storyArticles(sql, id);
  if (articles.length === 0) {
    throw new RasdError("NOT_FOUND", `no story "${id}" in the store; 'rasd stories' lists the stored stories`, {
      input: id,
    });
  }
  return summarizeStory(articles, { ...opts, id, duplicateOf, datesStored: true });
}
