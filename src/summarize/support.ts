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
  /** Adjacent term pairs per unit, built when first needed. */
  pairs: (Set<number> | undefined)[];
  /** Term id → the units that have it. */
  postings: Map<number, number[]>;
}

export function supportIndex(corpus: Corpus): SupportIndex {
  const n = Math.max(1, corpus.articles);
  // Smoothed so that a term in every article still weighs something: the story's subject words count a little.
  const idf = (id: number) => Math.log(1 + n / Math.max(1, corpus.df[id] ?? 1));
  const sets = corpus.units.map((u) => new Set(u.terms));
  const postings = new Map<number, number[]>();
  sets.forEach((set, unit) => {
    for (const t of set) {
      const list = postings.get(t);
      if (list) list.push(unit);
      else postings.set(t, [unit]);
    }
  });
  return { corpus, idf, sets, pairs: [], postings };
}

/** Makes a unit that is not in the corpus (a clause cut from a sentence, trim.ts) known to the index. */
export function indexUnit(ix: SupportIndex, u: Unit): void {
  ix.sets[u.id] ??= new Set(u.terms);
}

function pairsOf(ix: SupportIndex, u: Unit): Set<number> {
  let out = ix.pairs[u.id];
  if (out) return out;
  const v = Math.max(1, ix.corpus.vocab.size);
  out = new Set<number>();
  for (let i = 1; i < u.terms.length; i++) out.add(u.terms[i - 1]! * v + u.terms[i]!);
  ix.pairs[u.id] = out;
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
  const P = pairsOf(ix, s);
  const Q = pairsOf(ix, u);
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
 * The articles (indices) that support `s`, its own first, then the others in story order.
 *
 * Only units that share one of the key terms of `s` are tried: its rarest terms, taken until what is left weighs
 * less than the share a supporting unit may miss (1 − COVERED). A unit with none of them covers too little of `s`.
 */
export function supportingArticles(ix: SupportIndex, s: Unit): number[] {
  const found = new Set<number>([s.article]);
  if (ix.sets[s.id]!.size >= MIN_TERMS) {
    for (const t of keyTerms(ix, s)) {
      for (const id of ix.postings.get(t) ?? []) {
        const u = ix.corpus.units[id]!;
        if (!found.has(u.article) && supports(ix, s, u)) found.add(u.article);
      }
    }
  }
  const others = [...found].filter((a) => a !== s.article).sort((x, y) => x - y);
  return [s.article, ...others];
}

function keyTerms(ix: SupportIndex, s: Unit): number[] {
  const terms = [...ix.sets[s.id]!].sort((a, b) => ix.idf(b) - ix.idf(a));
  const total = terms.reduce((sum, t) => sum + ix.idf(t), 0);
  const out: number[] = [];
  let rest = total;
  for (const t of terms) {
    if (rest < (1 - COVERED) * total) break;
    out.push(t);
    rest -= ix.idf(t);
  }
  return out;
}
