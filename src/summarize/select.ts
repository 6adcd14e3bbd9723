import type { Corpus, Unit } from "./units.js";
import { cosine, sum, vectorOf, type Vec } from "./vectors.js";

/**
 * Extractive sentence selection for a multi-source story by concept coverage and MMR. The summary itself now uses
 * rounds.ts (one sentence per article per round), which scores higher on multiling2011 (bench/summarize-diag.ts
 * prints both); this module still provides the shared vectors, centroid and redundancy threshold.
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
  /** Lead prior 1/(position+1). */
  lead: number;
  /** Bonus for a sentence from an article the summary does not quote yet. */
  novelty: number;
  /** Penalty: the highest cosine to a sentence already chosen. */
  redundancy: number;
  lengthPower: number;
  /** Exponent of the length normalisation of the whole value (0: none). */
  perWord: number;
  /** Closeness to the own article's headline (Edmundson's title method: the editor's own summary of it). */
  title: number;
  /** Longest candidate, in words. */
  maxWords: number;
  /** Shortest candidate, in words. */
  minWords: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  concepts: 0.5,
  centroid: 0.5,
  lead: 4,
  novelty: 0.5,
  redundancy: 1,
  lengthPower: 0.5,
  perWord: 0,
  title: 0,
  maxWords: 70,
  minWords: 6,
};

interface Candidate {
  unit: Unit;
  vec: Vec;
  concepts: number[];
  /** Weight of the concepts not covered yet (kept up to date as sentences are chosen). */
  gain: number;
  /** Highest cosine to a chosen sentence (kept up to date). */
  redundancy: number;
  /** The parts of the value that do not change as sentences are chosen. */
  fixed: number;
  taken: boolean;
}

/**
 * Greedy selection. Each round costs one pass over the candidates: the gains and redundancies are updated
 * incrementally from the last pick (its concepts, through a concept → candidates index; its vector), never
 * recomputed against everything chosen so far.
 */
export function selectUnits(corpus: Corpus, opts: SelectOptions & { weights?: Partial<Weights> }): Unit[] {
  const w = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const { pool, weights, byConcept } = candidatePool(corpus, w);
  const quoted = new Set<number>();
  const chosen: Candidate[] = [];
  let budget = opts.words;
  for (;;) {
    let maxGain = 1e-9;
    for (const p of pool)
      if (!p.taken && p.unit.words <= budget)
        maxGain = Math.max(maxGain, p.gain / Math.pow(p.unit.words, w.lengthPower));
    let pick: Candidate | undefined;
    let bestValue = -Infinity;
    for (const p of pool) {
      if (p.taken || p.unit.words > budget || p.redundancy >= REPEAT_COSINE) continue;
      const value =
        ((w.concepts * p.gain) / Math.pow(p.unit.words, w.lengthPower) / maxGain +
          p.fixed +
          (quoted.has(p.unit.article) ? 0 : w.novelty)) /
          Math.pow(p.unit.words / 20, w.perWord) -
        w.redundancy * p.redundancy;
      if (value > bestValue) [pick, bestValue] = [p, value];
    }
    if (!pick) break;
    pick.taken = true;
    chosen.push(pick);
    quoted.add(pick.unit.article);
    budget -= pick.unit.words;
    for (const c of pick.concepts) {
      const wc = weights.get(c)!;
      for (const q of byConcept.get(c) ?? []) q.gain -= wc;
      byConcept.delete(c);
    }
    for (const p of pool) if (!p.taken) p.redundancy = Math.max(p.redundancy, cosine(p.vec, pick.vec));
  }
  return chosen.map((p) => p.unit);
}

function candidatePool(corpus: Corpus, w: Weights) {
  const vecs = unitVectors(corpus);
  const center = centroid(corpus, vecs);
  const weights = conceptWeights(corpus);
  const v = Math.max(1, corpus.vocab.size) + 1;
  const units = corpus.units.filter((u) => !u.heading && u.words >= w.minWords && u.words <= w.maxWords);
  const centrality = units.map((u) => cosine(vecs[u.id]!, center));
  const maxCentrality = Math.max(1e-9, ...centrality);
  const titles = corpus.byArticle.map((us) => sum(us.filter((u) => u.heading).map((u) => vecs[u.id]!)));
  const byConcept = new Map<number, Candidate[]>();
  const pool = units.map((u, i): Candidate => {
    const concepts = [...conceptsOf(u, v)].filter((c) => weights.has(c));
    const p: Candidate = {
      unit: u,
      vec: vecs[u.id]!,
      concepts,
      gain: concepts.reduce((g, c) => g + weights.get(c)!, 0),
      redundancy: 0,
      fixed:
        (w.centroid * centrality[i]!) / maxCentrality +
        w.lead / (u.position + 1) +
        w.title * cosine(vecs[u.id]!, titles[u.article]!),
      taken: false,
    };
    for (const c of concepts) {
      const list = byConcept.get(c);
      if (list) list.push(p);
      else byConcept.set(c, [p]);
    }
    return p;
  });
  return { pool, weights, byConcept };
}
