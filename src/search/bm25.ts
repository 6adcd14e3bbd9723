/**
 * Okapi BM25, the one scoring formula rasd's search uses (the store's SQL computes the same sums; this in-memory
 * form serves the retrieval evaluation and tests). Defaults k1 = 1.2, b = 0.75 (Lucene's); idf is Lucene's
 * non-negative form ln(1 + (N − df + 0.5) / (df + 0.5)).
 */
export interface Bm25Params {
  /** Term-frequency saturation, default 1.2 (range 0–3). */
  k1?: number;
  /** Length normalisation, default 0.75 (range 0–1). */
  b?: number;
}

export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** One term's contribution: idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avg)). */
export function termScore(tf: number, len: number, avgLen: number, idfValue: number, p: Bm25Params = {}): number {
  const k1 = p.k1 ?? 1.2;
  const b = p.b ?? 0.75;
  return (idfValue * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / avgLen));
}

/** A small in-memory BM25 index over analysed documents (term lists). */
export class Bm25Index {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private total = 0;

  add(terms: readonly string[]): number {
    const id = this.lengths.length;
    this.lengths.push(terms.length);
    this.total += terms.length;
    for (const t of terms) {
      let p = this.postings.get(t);
      if (p === undefined) this.postings.set(t, (p = new Map()));
      p.set(id, (p.get(id) ?? 0) + 1);
    }
    return id;
  }

  /** Document ids with their scores, best first (ties by id). Each distinct query term counts once. */
  search(query: readonly string[], p: Bm25Params = {}): Array<{ id: number; score: number }> {
    const n = this.lengths.length;
    const avg = n === 0 ? 1 : this.total / n;
    const scores = new Map<number, number>();
    for (const t of new Set(query)) {
      const post = this.postings.get(t);
      if (post === undefined) continue;
      const w = idf(n, post.size);
      for (const [id, tf] of post) {
        scores.set(id, (scores.get(id) ?? 0) + termScore(tf, this.lengths[id]!, avg, w, p));
      }
    }
    return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id);
  }
}
