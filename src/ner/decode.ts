import { tokenFeatures, type TokenView } from "./features.js";
import { LABELS } from "./perceptron.js";

/** What the decoder needs from a model: a score per label for a feature list. */
export interface Scorer {
  scores(features: readonly string[]): Float64Array;
}

/** Features that look at the tags already chosen to the left. */
export function tagFeatures(prev1: string, prev2: string, v: TokenView): string[] {
  return [`t-1=${prev1}`, `t-2t-1=${prev2}|${prev1}`, `t-1s=${prev1}|${v.s}`, `t-1lx=${prev1}|${v.lx}`];
}

/** An I- tag is only allowed after a B- or I- tag of the same type; otherwise the best allowed label wins. */
function allowed(label: string, prev: string): boolean {
  if (!label.startsWith("I-")) return true;
  return prev.slice(2) === label.slice(2) && prev !== "O";
}

/**
 * Greedy left-to-right decoding: each token takes its best allowed label given the tags already chosen. Returns the
 * labels and, for training, each token's full feature list.
 */
export function decode(model: Scorer, v: readonly TokenView[]): { labels: string[]; features: string[][] } {
  const labels: string[] = [];
  const features: string[][] = [];
  for (let i = 0; i < v.length; i++) {
    const p1 = labels[i - 1] ?? "<s>";
    const p2 = labels[i - 2] ?? "<s>";
    const f = [...tokenFeatures(v, i), ...tagFeatures(p1, p2, v[i]!)];
    const s = model.scores(f);
    let best = 0;
    let bestScore = -Infinity;
    for (let k = 0; k < LABELS.length; k++) {
      if (!allowed(LABELS[k]!, p1) || s[k]! <= bestScore) continue;
      best = k;
      bestScore = s[k]!;
    }
    labels.push(LABELS[best]!);
    features.push(f);
  }
  return { labels, features };
}
