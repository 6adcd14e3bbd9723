/**
 * Sparse term vectors over a story's vocabulary: ids sorted ascending, weights alongside, the norm precomputed,
 * so that a cosine is one merge of two short arrays (no maps, no allocation).
 */
export interface Vec {
  ids: Int32Array;
  w: Float64Array;
  norm: number;
}

export const EMPTY: Vec = { ids: new Int32Array(0), w: new Float64Array(0), norm: 0 };

/** A vector from term ids (repeats add up), each weighted by `weight(id)` times its count. */
export function vectorOf(terms: readonly number[], weight: (id: number) => number): Vec {
  if (terms.length === 0) return EMPTY;
  const counts = new Map<number, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return fromCounts(counts, weight);
}

export function fromCounts(counts: ReadonlyMap<number, number>, weight: (id: number) => number): Vec {
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const w = new Float64Array(ids.length);
  let sq = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const v = (counts.get(id) ?? 0) * weight(id);
    w[i] = v;
    sq += v * v;
  }
  return { ids, w, norm: Math.sqrt(sq) };
}

export function dot(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      s += a.w[i++]! * b.w[j++]!;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

export function cosine(a: Vec, b: Vec): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  return dot(a, b) / (a.norm * b.norm);
}

/** Sum of vectors (a centroid before scaling), keeping only the `keep` heaviest terms when given. */
export function sum(vs: readonly Vec[], keep = Infinity): Vec {
  const acc = new Map<number, number>();
  for (const v of vs) for (let i = 0; i < v.ids.length; i++) acc.set(v.ids[i]!, (acc.get(v.ids[i]!) ?? 0) + v.w[i]!);
  let entries = [...acc.entries()];
  if (entries.length > keep) entries = entries.sort((x, y) => y[1] - x[1]).slice(0, keep);
  return fromCounts(new Map(entries), () => 1);
}
