import { analyzeTerms } from "../analysis/ar/index.js";
import { insideQuotation, quotationSpans } from "./quotation.js";
import { countWords, type Corpus, type Unit } from "./units.js";

/**
 * Cutting a run-on sentence at a clause boundary, so that one long lead does not eat the budget of two articles.
 *
 * News style guides keep a lead to about 25–35 words; one over LONG_SENTENCE words has run on past its news into
 * attribution and elaboration ("…, according to the ministry", "…, and said that…"). Such a sentence is cut at its
 * last clause boundary (a comma or semicolon, Arabic or Latin, followed by a space) that leaves at most LONG_SENTENCE
 * words and at least `minWords`: the head clause, which carries the news. A comma inside a quotation is the
 * speaker's, not a clause boundary: the cut never leaves a quotation open. No boundary in range: kept whole.
 *
 * The cut is a prefix of the sentence, so it is verbatim in its article (citations stay exact); it becomes a unit of
 * its own, with a fresh id after the corpus's units and its own content terms, so that support.ts can find the
 * articles that state it (a shorter text is contained in more of them).
 */
export const LONG_SENTENCE = 40;

const BOUNDARY = /[،,؛;]\s/gu;

export function headClause(corpus: Corpus, u: Unit, id: number, minWords: number, limit = LONG_SENTENCE): Unit {
  if (u.words <= limit) return u;
  let cut = -1;
  const spans = quotationSpans(u.text);
  for (const m of u.text.matchAll(BOUNDARY)) {
    if (insideQuotation(spans, m.index)) continue;
    const words = countWords(u.text.slice(0, m.index));
    if (words > limit) break;
    if (words >= minWords) cut = m.index;
  }
  if (cut < 0) return u;
  const text = u.text.slice(0, cut).trimEnd();
  const terms: number[] = [];
  for (const t of analyzeTerms(text)) {
    const tid = corpus.vocab.get(t);
    if (tid !== undefined) terms.push(tid);
  }
  return { ...u, id, text, end: u.start + text.length, terms, words: countWords(text) };
}
