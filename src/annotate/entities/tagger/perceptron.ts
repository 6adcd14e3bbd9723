/**
 * An averaged perceptron over feature keys (hash.ts) (Collins 2002): one weight vector per feature, one weight per label.
 * Training keeps running totals with timestamps so that averaging costs nothing per update; `finish` replaces each
 * weight by its average, which is what generalises.
 */

export const LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"] as const;
export type Label = (typeof LABELS)[number];
const N = LABELS.length;

export class Perceptron {
  readonly weights = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  private clock = 0;

  scores(features: readonly number[]): Float64Array {
    const s = new Float64Array(N);
    for (const f of features) {
      const w = this.weights.get(f);
      if (w === undefined) continue;
      for (let k = 0; k < N; k++) s[k]! += w[k]!;
    }
    return s;
  }

  /** One training step: move towards `truth` and away from `guess` on every feature. */
  update(features: readonly number[], truth: number, guess: number): void {
    this.clock++;
    if (truth === guess) return;
    for (const f of features) {
      this.bump(f, truth, 1);
      this.bump(f, guess, -1);
    }
  }

  private bump(f: number, k: number, by: number): void {
    let w = this.weights.get(f);
    if (w === undefined) {
      w = new Float64Array(N);
      this.weights.set(f, w);
      this.totals.set(f, new Float64Array(N));
      this.stamps.set(f, new Float64Array(N));
    }
    const t = this.totals.get(f)!;
    const st = this.stamps.get(f)!;
    t[k]! += (this.clock - st[k]!) * w[k]!;
    st[k] = this.clock;
    w[k]! += by;
  }

  /** Averages the weights; the model is then read-only. */
  finish(): void {
    for (const [f, w] of this.weights) {
      const t = this.totals.get(f)!;
      const st = this.stamps.get(f)!;
      for (let k = 0; k < N; k++) {
        const total = t[k]! + (this.clock - st[k]!) * w[k]!;
        w[k] = total / Math.max(1, this.clock);
      }
    }
    this.totals.clear();
    this.stamps.clear();
  }
}

export function labelIndex(l: string): number {
  const i = (LABELS as readonly string[]).indexOf(l);
  return i < 0 ? 0 : i;
}
