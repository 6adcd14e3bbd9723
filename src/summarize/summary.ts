import type { Citation } from "../core/types.js";
import { selectRounds } from "./rounds.js";
import { indexUnit, supportIndex, supportingArticles, type SupportIndex } from "./support.js";
import type { Corpus } from "./units.js";

/**
 * The cited summary: the sentences rounds.ts selects (every article's lead first, one sentence per article per
 * round), in reading order (story order of their articles, which is by date with
 * undated articles last, then position in the article), each with every article that states it or a near
 * paraphrase (support.ts), its own article first.
 */
export interface SummaryOptions {
  words: number;
  /** Article ids, in story order. */
  ids: readonly string[];
  /** Publication day of each article, in story order (null: unknown). */
  dates?: readonly (string | null)[];
}

export function citedSummary(
  corpus: Corpus,
  opts: SummaryOptions,
  ix: SupportIndex = supportIndex(corpus),
): Citation[] {
  const chosen = selectRounds(corpus, { words: opts.words, ...(opts.dates ? { dates: opts.dates } : {}) });
  const ordered = [...chosen].sort((a, b) => a.article - b.article || a.start - b.start);
  for (const u of ordered) indexUnit(ix, u);
  return ordered.map((u) => ({
    text: u.text,
    sources: supportingArticles(ix, u).map((a) => opts.ids[a]!),
  }));
}
