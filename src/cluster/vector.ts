import { hashValue } from "../core/value-hash.js";

/**
 * A term's key: 52 bits from the two 32-bit hashes of its characters (`hashValue`), exact in a double. Keys depend
 * on the term alone, so every process orders a vector the same way and sums its products in the same order (a key
 * handed out in order of first sight would differ between a worker that ran from the start and one restored from
 * the store). Two of a million distinct terms share a key with a probability of about 10⁻⁴; they would then count as
 * one word in a comparison, which changes a score by that word's share only.
 */
export function termKey(term: string): number {
  const { a, b } = hashValue(term);
  return a * 0x100000 + (b >>> 12);
}

/**
 * A sparse term vector as parallel arrays sorted by key: comparing two is one merge walk over plain arrays of
 * doubles, where a string-keyed Map costs a hash probe and a string comparison per term (the profile showed that
 * walk as the largest single cost of clustering: a topic is compared with two dozen neighbours per article).
 *
 *   keys    [ 1.2e14, 3.9e14, 4.0e15, … ]   ascending
 *   weights [ 0.31,   0.02,   0.55,   … ]
 *   names   [ "بركسل", "ناتو", "هجوم", … ]
 */
export class TermVector {
  readonly keys: number[] = [];
  readonly weights: number[] = [];
  readonly names: string[] = [];

  /** A vector of `entries` (distinct terms; a term given twice keeps its first weight). */
  static of(entries: Iterable<readonly [string, number]>): TermVector {
    const items: { key: number; name: string; w: number }[] = [];
    for (const [name, w] of entries) items.push({ key: termKey(name), name, w });
    items.sort((x, y) => x.key - y.key);
    const v = new TermVector();
    for (const it of items) {
      if (v.keys.length > 0 && v.keys[v.keys.length - 1] === it.key) continue;
      v.keys.push(it.key);
      v.weights.push(it.w);
      v.names.push(it.name);
    }
    return v;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The weight of `term`, or undefined (a binary search on its key). */
  get(term: string): number | undefined {
    const key = termKey(term);
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid]!;
      if (k === key) return this.weights[mid];
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** [term, weight] pairs in key order. */
  *entries(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.keys.length; i++) yield [this.names[i]!, this.weights[i]!];
  }

  /** Σ x[k]·y[k] over the keys both hold, summed in key order. */
  dot(o: TermVector): number {
    const ak = this.keys;
    const bk = o.keys;
    const aw = this.weights;
    const bw = o.weights;
    let i = 0;
    let j = 0;
    let d = 0;
    while (i < ak.length && j < bk.length) {
      const x = ak[i]!;
      const y = bk[j]!;
      if (x === y) d += aw[i++]! * bw[j++]!;
      else if (x < y) i++;
      else j++;
    }
    return d;
  }

  /** The terms both hold, each with the product of its weights, in key order. */
  shared(o: TermVector): [string, number][] {
    const out: [string, number][] = [];
    let i = 0;
    let j = 0;
    while (i < this.keys.length && j < o.keys.length) {
      const x = this.keys[i]!;
      const y = o.keys[j]!;
      if (x === y) out.push([this.names[i]!, this.weights[i++]! * o.weights[j++]!]);
      else if (x < y) i++;
      else j++;
    }
    return out;
  }

  /**
   * this[k] += scale·v[k] for every key of `v`, in place: the terms new to this vector are counted first, the arrays
   * grow by that many, and the two sorted runs are merged from the back, so nothing is allocated but the growth.
   */
  addScaled(v: TermVector, scale = 1): void {
    const vk = v.keys;
    let fresh = 0;
    for (let i = 0, j = 0; j < vk.length;) {
      if (i >= this.keys.length || this.keys[i]! > vk[j]!) {
        fresh++;
        j++;
      } else if (this.keys[i] === vk[j]) {
        i++;
        j++;
      } else i++;
    }
    const keys = this.keys;
    const weights = this.weights;
    const names = this.names;
    let i = keys.length - 1;
    let k = keys.length + fresh - 1;
    for (let n = 0; n < fresh; n++) {
      keys.push(0);
      weights.push(0);
      names.push("");
    }
    for (let j = vk.length - 1; j >= 0; k--) {
      const y = vk[j]!;
      if (i >= 0 && keys[i]! > y) {
        keys[k] = keys[i]!;
        weights[k] = weights[i]!;
        names[k] = names[i]!;
        i--;
      } else if (i >= 0 && keys[i] === y) {
        keys[k] = y;
        weights[k] = weights[i]! + v.weights[j]! * scale;
        names[k] = names[i]!;
        i--;
        j--;
      } else {
        keys[k] = y;
        weights[k] = 0 + v.weights[j]! * scale;
        names[k] = v.names[j]!;
        j--;
      }
    }
  }

  /** Indexes of the `k` heaviest terms, heaviest first (ties: the term that sorts first). */
  top(k: number): number[] {
    const idx = this.heaviest(k);
    const w = this.weights;
    const names = this.names;
    return idx.sort((a, b) => w[b]! - w[a]! || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  }

  /**
   * Indexes of the `k` heaviest terms (ties at the cut: the terms that sort first), in key order. The cut is found
   * by a numeric sort of a copy of the weights, which is native and several times faster than sorting the indexes
   * with a comparator (pruning a topic's profile was a few per cent of clustering).
   */
  private heaviest(k: number): number[] {
    const n = this.keys.length;
    const w = this.weights;
    if (n <= k) return Array.from({ length: n }, (_, i) => i);
    if (k <= 0) return [];
    const sorted = Float64Array.from(w).sort();
    const cut = sorted[n - k]!;
    const out: number[] = [];
    const tied: number[] = [];
    for (let i = 0; i < n; i++) {
      if (w[i]! > cut) out.push(i);
      else if (w[i] === cut) tied.push(i);
    }
    if (out.length + tied.length > k) {
      const names = this.names;
      tied.sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b));
      tied.length = k - out.length;
    }
    for (const i of tied) out.push(i);
    return out.sort((a, b) => a - b);
  }

  /** Keeps the `k` heaviest terms (as `top`), in key order. */
  keepTop(k: number): void {
    if (this.keys.length <= k) return;
    let n = 0;
    for (const i of this.heaviest(k)) {
      this.keys[n] = this.keys[i]!;
      this.weights[n] = this.weights[i]!;
      this.names[n] = this.names[i]!;
      n++;
    }
    this.keys.length = this.weights.length = this.names.length = n;
  }

  /** Σ w², in key order. */
  squaredLength(): number {
    let s = 0;
    for (const w of this.weights) s += w * w;
    return s;
  }
}
