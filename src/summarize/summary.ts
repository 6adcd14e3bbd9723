import type { Citation } from "../core/types.js";
import { selectUnits } from "./select.js";
import { supportIndex, supportingArticles } from "./support.js";
import type { Corpus, Unit } from "./units.js";

/**
 * The cited summary: the selected sentences in reading order (by their article's date, then position), each with
 * every article that states it or a near paraphrase (support.ts), its own article first.
 */
export interface SummaryOptions {
  words: number;
  /** Article ids, in story order. */
  ids: readonly string[];
  /** Sort key of each article for reading order (its date; `""` when unknown, which sorts first among equals). */
  dates: readonly string[];
}

export function citedSummary(corpus: Corpus, opts: SummaryOptions): Citation[] {
  const chosen = selectUnits(corpus, { words: opts.words });
  const ordered = [...chosen].sort((a, b) => readingOrder(a, b, opts.dates));
  const ix = supportIndex(corpus);
  return ordered.map((u) => ({
    text: u.text,
    sources: supportingArticles(ix, u).map((a) => opts.ids[a]!),
  }));
}

function readingOrder(a: Unit, b: Unit, dates: readonly string[]): number {
  const da = dates[a.article] ?? "";
  const db = dates[b.article] ?? "";
  if (da !== db) return da < db ? -1 : 1;
  if (a.article !== b.article) return a.article - b.article;
  return a.position - b.position;
}
