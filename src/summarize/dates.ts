import { inferStoryDates } from "../annotate/published/index.js";
import type { Article } from "../core/types.js";

/**
 * The story's articles with their publication dates completed from one another, and their relative dates
 * re-resolved against the days found (the annotator's `inferStoryDates`). New article objects; inputs unchanged.
 */
export function storyDates(articles: readonly Article[]): Article[] {
  return inferStoryDates(articles);
}
