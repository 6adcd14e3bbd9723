import { analyzeTerms } from "../analysis/ar/index.js";
import type { Article, Citation } from "../core/types.js";
import type { Corpus } from "./units.js";
import { cosine, vectorOf, type Vec } from "./vectors.js";

/** Longest headline taken from a summary sentence when no article has a title, in words. */
const MAX_WORDS = 14;

/**
 * The story's headline: the title of an original article (not a copy) that is closest to what the story as a whole
 * says (cosine to the story centroid), the earlier article on a tie. Without titles, the start of the first summary
 * sentence.
 */
export function storyHeadline(
  articles: readonly Article[],
  corpus: Corpus,
  center: Vec,
  copies: readonly (string | null)[],
  summary: readonly Citation[],
): string {
  let best = "";
  let bestScore = -1;
  articles.forEach((a, i) => {
    const title = a.title.trim();
    if (title === "" || copies[i] !== null) return;
    const ids = analyzeTerms(title).flatMap((t) => {
      const id = corpus.vocab.get(t);
      return id === undefined ? [] : [id];
    });
    const score = cosine(
      vectorOf(ids, () => 1),
      center,
    );
    if (score > bestScore) [best, bestScore] = [title, score];
  });
  if (best !== "") return best;
  const first = summary[0]?.text ?? "";
  const words = first.split(/\s+/u);
  return words.length <= MAX_WORDS ? first : `${words.slice(0, MAX_WORDS).join(" ")}…`;
}
