import type { Corpus, Unit } from "./units.js";

/**
 * Which articles support a sentence: those that hold the same sentence or a near paraphrase of it.
 *
 * A unit `u` of another article supports the sentence `s` when `u` contains most of what `s` says, weighted by how
 * informative each term is (a term every article repeats, like the story's subject, proves little):
 *
 *   covered(s, u) = Σ idf(t), t ∈ terms(s) ∩ terms(u)  /  Σ idf(t), t ∈ terms(s)
 *   pairs(s, u)   = share of the adjacent term pairs of s that u has too (word order, lightly)
 *
 *   support ⇔ covered ≥ COVERED  and  pairs ≥ PAIRS        (or covered ≥ COVERED_ALONE for reworded sentences)
 *
 * Containment, not symmetric similarity: a longer sentence that says all of `s` and more supports `s`; a shorter
 * one that says only part of it does not. Sentences with fewer than MIN_TERMS content terms are too thin to match
 * anything reliably and are supported by their own article only.
 */
export const COVERED = 0.6;
export const PAIRS = 0.35;
export const COVERED_ALONE = 0.8;
export const MIN_TERMS = 4;

export interface SupportIndex {
  corpus: Corpus;
  idf: (id: number) => number;
  sets: Set<number>[];
  pairs: Set<number>[];
}

export function supportIndex(corpus: Corpus): SupportIndex {
  const n = Math.max(1, corpus.articles);
  // Smoothed so that a term in every article still weighs something: the story's subject words count a little.
  const idf = (id: number) => Math.log(1 + n / Math.max(1, corpus.df[id] ?? 1));
  const v = Math.max(1, corpus.vocab.size);
  const sets = corpus.units.map((u) => new Set(u.terms));
  const pairs = corpus.units.map((u) => pairSet(u.terms, v));
  return { corpus, idf, sets, pairs };
}

function pairSet(terms: readonly number[], v: number): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < terms.length; i++) out.add(terms[i - 1]! * v + terms[i]!);
  return out;
}

/** How much of `s` the unit `u` covers: [weighted term containment, pair containment]. */
export function coverage(ix: SupportIndex, s: Unit, u: Unit): [number, number] {
  const S = ix.sets[s.id]!;
  const U = ix.sets[u.id]!;
  let all = 0;
  let shared = 0;
  for (const t of S) {
    const w = ix.idf(t);
    all += w;
    if (U.has(t)) shared += w;
  }
  const P = ix.pairs[s.id]!;
  const Q = ix.pairs[u.id]!;
  let common = 0;
  for (const p of P) if (Q.has(p)) common++;
  return [all === 0 ? 0 : shared / all, P.size === 0 ? 0 : common / P.size];
}

export function supports(ix: SupportIndex, s: Unit, u: Unit): boolean {
  if (ix.sets[s.id]!.size < MIN_TERMS) return u.id === s.id;
  const [covered, pairs] = coverage(ix, s, u);
  return (covered >= COVERED && pairs >= PAIRS) || covered >= COVERED_ALONE;
}

/**
 * The articles (indices) that support `s`, its own first, then the others in story order. `units` limits the search
 * (e.g. to one best unit per article); by default every unit of every other article is tried.
 */
export function supportingArticles(ix: SupportIndex, s: Unit): number[] {
  const out = [s.article];
  ix.corpus.byArticle.forEach((units, a) => {
    if (a === s.article) return;
    if (units.some((u) => supports(ix, s, u))) out.push(a);
  });
  return out;
}
