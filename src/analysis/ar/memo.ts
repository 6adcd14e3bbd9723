import { analyzeTerms } from "./analyze.js";

/**
 * Characters of text remembered, with their terms: about two batches of the default size (100 articles of a few
 * thousand characters) with room to spare, so a batch's second analysis finds its first. Bounded by characters, not
 * by texts, because a text's terms cost memory in proportion to its length: 2,048 whole news articles held ~100 MB.
 * A batch larger than this still gets right terms, analysed twice.
 */
const CAPACITY_CHARS = 4_000_000;
const memo = new Map<string, readonly string[]>();
let chars = 0;

/**
 * `analyzeTerms(text)` with the default options, remembered for the last few million characters of text. Storing
 * analyses an article's text twice (the search index and the clustering) and, on queue workers, ahead of the ingest
 * lock (the hooks' `prepare`) so that the work under it finds the terms made. The result is shared: never change it.
 */
export function memoTerms(text: string): readonly string[] {
  let terms = memo.get(text);
  if (terms === undefined) {
    terms = analyzeTerms(text);
    memo.set(text, terms);
    chars += text.length;
    // Oldest first; the text just added stays even when it alone is over the budget, so its second use finds it.
    for (const old of memo.keys()) {
      if (chars <= CAPACITY_CHARS || old === text) break;
      memo.delete(old);
      chars -= old.length;
    }
  }
  return terms;
}
