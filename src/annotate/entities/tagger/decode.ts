import { START } from "./features.js";
import { LABELS } from "./perceptron.js";

const L = LABELS.length;

/** Whether label `k` may follow label `prev` (START before the sentence): an I- tag only after a B- or I- tag of its type. */
function allowed(k: number, prev: number): boolean {
  const label = LABELS[k]!;
  if (!label.startsWith("I-")) return true;
  const p = LABELS[prev];
  return p !== undefined && p !== "O" && p.slice(2) === label.slice(2);
}

/** ALLOWED[prev * L + k], for prev in 0…START. */
const ALLOWED = Uint8Array.from({ length: (START + 1) * L }, (_, i) => (allowed(i % L, Math.floor(i / L)) ? 1 : 0));

/** Adds to `out` (L scores) what the tags chosen before token `i` contribute to its scores. */
export type TagScorer = (i: number, prev1: number, prev2: number, out: Int32Array) => void;

/**
 * Greedy left-to-right decoding: token i takes its best allowed label from `base` (n × L scores that do not depend on
 * tags) plus `tagScores` for the tags already chosen. Returns label indexes into LABELS; ties go to the first label.
 */
export function greedy(base: Int32Array, n: number, tagScores: TagScorer): Uint8Array {
  const labels = new Uint8Array(n);
  const s = new Int32Array(L);
  let p1: number = START;
  let p2: number = START;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < L; k++) s[k] = base[i * L + k]!;
    tagScores(i, p1, p2, s);
    let best = 0;
    let bestScore = -Infinity;
    for (let k = 0; k < L; k++) {
      if (ALLOWED[p1 * L + k] === 0 || s[k]! <= bestScore) continue;
      best = k;
      bestScore = s[k]!;
    }
    labels[i] = best;
    p2 = p1;
    p1 = best;
  }
  return labels;
}
