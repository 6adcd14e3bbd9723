import { TextMemo } from "../../core/text-memo.js";
import { analyzeTerms } from "./analyze.js";

/**
 * Characters of text remembered, with their terms: about two batches of the default size (100 articles of a few
 * thousand characters) with room to spare, so a batch's second analysis finds its first. Bounded by characters, not
 * by texts, because a text's terms cost memory in proportion to its length: 2,048 whole news articles held ~100 MB.
 * A batch larger than this still gets right terms, analysed twice.
 */
const CAPACITY_CHARS = 4_000_000;
const memo = new TextMemo<readonly string[]>(CAPACITY_CHARS);

/**
 * `analyzeTerms(text)` with the default options, remembered for the last few million characters of text. Storing
 * analyses an article's text twice (the search index and the clustering) and, on queue workers, ahead of the ingest
 * lock (the hooks' `prepare`) so that the work under it finds the terms made. The result is shared: never change it.
 */
export function memoTerms(text: string): readonly string[] {
  return memo.get(text, analyzeTerms);
}

/**
 * Remembers terms made elsewhere (a stage thread: cluster/analysis-stage.ts) as `memoTerms(text)`'s answer. They
 * must be `analyzeTerms(text)` with the default options.
 */
export function rememberTerms(text: string, terms: readonly string[]): void {
  memo.set(text, terms);
}
