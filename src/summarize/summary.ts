import type { Citation } from "../core/types.js";
import { selectUnits } from "./select.js";
import { supportIndex, supportingArticles, type SupportIndex } from "./support.js";
import type { Corpus } from "./units.js";

/**
 * The cited summary: the selected sentences in reading order (story order of their articles, which is by date with
 * undated articles last, then position in the article), each with every article that states it or a near
 * paraphrase (support.ts), its own article first.
 */
export interface SummaryOptions {
  words: number;
  /** Article ids, in story order. */
  ids: readonly string[];
}

export function citedSummary(corpus: Corpus, opts: SummaryOptions, ix: SupportIndex = supportIndex(corpus)): Citation[] {
  const chosen = selectUnits(corpus, { words: opts.words });
  const ordered = [...chosen].sort((a, b) => a.article - b.article || a.start - b.start);
  return ordered.map((u) => ({
    text: u.text,
    sources: supportingArticles(ix, u).map((a) => opts.ids[a]!),
  }));
}
