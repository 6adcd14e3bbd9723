import type { Citation } from "../core/types.js";
import { selectRounds } from "./rounds.js";
import { indexUnit, supportIndex, supportingArticles, type SupportIndex } from "./support.js";
import type { Corpus } from "./units.js";

/**
 * The cited summary: the sentences rounds.ts selects (every article's lead first, one sentence per article per
 * round), in reading order (story order of their articles, which is by date with
 * undated articles last, then position in the article), each with every article that states it or a near
 * paraphrase (support.ts), its own article first. The sources whose text does not hold the sentence word for word
 * (spaces aside) are listed in `paraphrases`: they support it in other words, and a reader is told so.
 */
export interface SummaryOptions {
  words: number;
  /** Article ids, in story order. */
  ids: readonly string[];
  /** Publication day of each article, in story order (null: unknown). */
  dates?: readonly (string | null)[];
  /** Each article's text, in story order: a source is marked as a paraphrase when the sentence is not in it. */
  texts: readonly string[];
}

export function citedSummary(
  corpus: Corpus,
  opts: SummaryOptions,
  ix: SupportIndex = supportIndex(corpus),
): Citation[] {
  const chosen = selectRounds(corpus, { words: opts.words, ...(opts.dates ? { dates: opts.dates } : {}) });
  const ordered = [...chosen].sort((a, b) => a.article - b.article || a.start - b.start);
  for (const u of ordered) indexUnit(ix, u);
  const flat = opts.texts.map(squeeze);
  return ordered.map((u) => {
    const articles = supportingArticles(ix, u);
    const said = squeeze(u.text);
    const paraphrased = articles.filter((a) => a !== u.article && !flat[a]!.includes(said));
    return {
      text: u.text,
      sources: articles.map((a) => opts.ids[a]!),
      paraphrases: paraphrased.map((a) => opts.ids[a]!),
    };
  });
}

/** Runs of white space as one space: a line break inside a copied paragraph does not make it a paraphrase. */
function squeeze(text: string): string {
  return text.replace(/\s+/gu, " ");
}
