import type { Corpus, Unit } from "./units.js";
import { cosine, sum, vectorOf, type Vec } from "./vectors.js";

/**
 * Extractive sentence selection for a multi-source story.
 *
 *   candidates ─► score = centroid closeness + position prior + concept weight
 *        │
 *        └─► greedy MMR under the word budget:
 *              next = argmax  λ · gain(u) / maxGain  −  (1 − λ) · max_{v ∈ chosen} cos(u, v)
 *            where gain(u) counts only the concepts (term pairs and terms several articles share) that the
 *            chosen sentences do not cover yet, so saying the same thing twice earns nothing.
 *
 * Concepts are content-term bigrams and unigrams weighted by how many articles state them (document frequency):
 * what several sources report is what the story is about. Centroid closeness (MEAD) and a lead prior (news puts
 * its news first) break ties between sentences that cover as much.
 */
export interface SelectOptions {
  /** Word budget (≥ 1). */
  words: number;
}

const MIN_WORDS = 6;
/** A candidate this close (cosine) to a chosen sentence says the same thing again: never taken. */
export const REPEAT_COSINE = 0.6;
const MAX_WORDS = 70;

export interface Scored {
  unit: Unit;
  vec: Vec;
  score: number;
}

/** tf·idf vectors for every unit (idf over articles, smoothed). */
export function unitVectors(corpus: Corpus): Vec[] {
  const n = Math.max(1, corpus.articles);
  const idf = (id: number) => Math.log(1 + n / Math.max(1, corpus.df[id] ?? 1));
  return corpus.units.map((u) => vectorOf(u.terms, idf));
}

export function candidates(corpus: Corpus): Unit[] {
  return corpus.units.filter((u) => !u.heading && u.words >= MIN_WORDS && u.words <= MAX_WORDS);
}

/** The centroid of the story: the mean of its articles' vectors, its heaviest terms only. */
export function centroid(corpus: Corpus, vecs: readonly Vec[]): Vec {
  const perArticle = corpus.byArticle.map((units) => sum(units.map((u) => vecs[u.id]!)));
  return sum(perArticle, 200);
}

/** Concept weights: term bigrams and unigrams by the number of articles that use them (1 → 0: no consensus). */
export function conceptWeights(corpus: Corpus): Map<number, number> {
  const v = Math.max(1, corpus.vocab.size) + 1;
  const df = new Map<number, number>();
  for (const units of corpus.byArticle) {
    const seen = new Set<number>();
    for (const u of units) for (const c of conceptsOf(u, v)) seen.add(c);
    for (const c of seen) df.set(c, (df.get(c) ?? 0) + 1);
  }
  const out = new Map<number, number>();
  for (const [c, k] of df) if (k >= 2) out.set(c, c >= v ? k : k * 0.5);
  return out;
}

/** Concept keys of a unit: unigram `t` (< v) and bigram `(a + 1) · v + b` (≥ v). */
export function conceptsOf(u: Unit, v: number): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < u.terms.length; i++) {
    out.add(u.terms[i]!);
    if (i > 0) out.add((u.terms[i - 1]! + 1) * v + u.terms[i]!);
  }
  return out;
}

export interface Weights {
  /** New-concept gain per word^lengthPower, scaled to the best candidate's. */
  concepts: number;
  /** Closeness to the story centroid, scaled to the best candidate's. */
  centroid: number;
  /** Closeness to the sentence's own article (what that article is about), scaled to the best candidate's. */
  local: number;
  /** Lead prior 1/(position+1). */
  lead: number;
  /** Bonus for a sentence from an article the summary does not quote yet. */
  novelty: number;
  /** Penalty: the highest cosine to a sentence already chosen. */
  redundancy: number;
  lengthPower: number;
}

export const DEFAULT_WEIGHTS: Weights = { concepts: 0.5, centroid: 0.5, local: 0, lead: 4, novelty: 0.5, redundancy: 1, lengthPower: 0.5 };

interface Candidate {
  unit: Unit;
  vec: Vec;
  concepts: number[];
  centrality: number;
  local: number;
}

export function selectUnits(corpus: Corpus, opts: SelectOptions & { weights?: Partial<Weights> }): Unit[] {
  const w = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const vecs = unitVectors(corpus);
  const center = centroid(corpus, vecs);
  const weights = conceptWeights(corpus);
  const v = Math.max(1, corpus.vocab.size) + 1;
  const own = corpus.byArticle.map((units) => sum(units.map((u) => vecs[u.id]!)));
  const pool: Candidate[] = candidates(corpus).map((u) => ({
    unit: u,
    vec: vecs[u.id]!,
    concepts: [...conceptsOf(u, v)].filter((c) => weights.has(c)),
    centrality: cosine(vecs[u.id]!, center),
    local: cosine(vecs[u.id]!, own[u.article]!),
  }));
  const maxLocal = Math.max(1e-9, ...pool.map((p) => p.local));
  const maxCentrality = Math.max(1e-9, ...pool.map((p) => p.centrality));
  const covered = new Set<number>();
  const quoted = new Set<number>();
  const chosen: Candidate[] = [];
  let budget = opts.words;
  for (;;) {
    const fits = pool.filter((p) => p.unit.words <= budget && !chosen.includes(p));
    if (fits.length === 0) break;
    const gains = fits.map((p) => {
      let g = 0;
      for (const c of p.concepts) if (!covered.has(c)) g += weights.get(c)!;
      return g / Math.pow(p.unit.words, w.lengthPower);
    });
    const maxGain = Math.max(...gains, 1e-9);
    let best = -1;
    let bestValue = -Infinity;
    fits.forEach((p, i) => {
      const redundancy = chosen.reduce((m, q) => Math.max(m, cosine(p.vec, q.vec)), 0);
      if (redundancy >= REPEAT_COSINE) return;
      const value =
        w.concepts * (gains[i]! / maxGain) +
        w.centroid * (p.centrality / maxCentrality) +
        w.local * (p.local / maxLocal) +
        w.lead / (p.unit.position + 1) +
        (quoted.has(p.unit.article) ? 0 : w.novelty) -
        w.redundancy * redundancy;
      if (value > bestValue) [best, bestValue] = [i, value];
    });
    if (best < 0) break;
    const pick = fits[best]!;
    chosen.push(pick);
    quoted.add(pick.unit.article);
    for (const c of pick.concepts) covered.add(c);
    budget -= pick.unit.words;
  }
  return chosen.map((p) => p.unit);
}
