import { analyzeTerms } from "./analyze.js";

/** Texts remembered: a few batches' worth (a batch is 20–100 articles), so memory stays a few MB. */
const CAPACITY = 2048;
const memo = new Map<string, readonly string[]>();

/**
 * `analyzeTerms(text)` with the default options, remembered for the last few thousand texts. Storing analyses an
 * article's text twice (the search index and the clustering) and, on queue workers, ahead of the ingest lock
 * (the hooks' `prepare`) so that the work under it finds the terms made. The result is shared: never change it.
 */
export function memoTerms(text: string): readonly string[] {
  let terms = memo.get(text);
  if (terms === undefined) {
    terms = analyzeTerms(text);
    if (memo.size >= CAPACITY) memo.delete(memo.keys().next().value!);
    memo.set(text, terms);
  }
  return terms;
}
