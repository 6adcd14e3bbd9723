import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { singleWordNames } from "../gazetteer/index.js";
import { projectRoot } from "../../../core/paths.js";
import { greedy } from "./decode.js";
import {
  neighbourKeys,
  PAD,
  PAIRS,
  pairKeysInto,
  wordPairKeysOf,
  ROLES,
  selfKeys,
  shapeTripleKey,
  START,
  tagOnlyKeys,
  tagTokenKeysInto,
  tagWordKey,
  view,
  wordKey,
  type FeatureContext,
  type TokenView,
} from "./features.js";
import { slotOf } from "./hash.js";
import { hashValue } from "../../../core/value-hash.js";
import { decodeModel, encodeModel, type ModelData } from "./model-file.js";
import { LABELS } from "./perceptron.js";
import { GenerationCache } from "./word-cache.js";

/**
 * The trained tagger as shipped: `src/annotate/entities/tagger/model/ner.bin.gz` (format in model-file.ts), written by
 * `scripts/ner-train.ts` from NewsFANE. Weights are integers (weight × scale), so scores are exact integer sums.
 *
 * Tagging cost is kept per word, not per token: a word's own features and the features it gives its neighbours
 * (w-1, s+1, lx-2…) are summed once per distinct word and cached. Features over word classes are summed once per
 * combination of classes and cached too (lx-1lx and lxlx+1 per pair of list classes, sh-1sh per triple of shapes,
 * t-1lx per previous tag and class), and t-1s once per word and previous tag; per token only the two word-pair
 * features (w-1w, ww+1) are looked up, in an open-addressing table of keys. Scores are integer sums, so the order
 * in which they are added changes nothing.
 */

export const MODEL_FILE = join("src", "annotate", "entities", "tagger", "model", "ner.bin.gz");

const L = LABELS.length;

/**
 * What the tagger keeps per word, in one Int32Array (one object per word: less memory and garbage than an object of
 * arrays and hashes, so more words fit in the cache):
 *   [0, 5L)        the word's own features, then as the token before (-1), after (+1), two before, two after;
 *   HW, HW + 1     the two hashes of the word (for the w-1w and ww+1 features, looked up per token);
 *   HS, HS + 1     the two hashes of its bare form (for t-1s);
 *   LX, SH         its list class and shape as small numbers (classIds, SHAPES), to key the class caches;
 *   TF             a bit per previous tag whose t-1s sums are filled in;
 *   [T, T + (START + 1) × L)   the t-1s feature for each previous tag, filled on first use.
 */
type WordEntry = Int32Array;
const HW = 5 * L;
const HS = HW + 2;
const LX = HS + 2;
const SH = LX + 1;
const TF = SH + 1;
const T = TF + 1;
const ENTRY = T + (START + 1) * L;

/** The shapes features.ts gives, and the pad's; and their hashes. */
const SHAPES = ["Lu", "L", "D", "P", "A", PAD.sh];
const SHAPE_HASHES = SHAPES.map((x) => hashValue(x));
const NSH = SHAPES.length;

/**
 * Words per generation of the cache: news text has tens of thousands of word forms, and a word made again costs
 * some twenty feature look-ups. Two generations of 65,536 entries of ~0.65 kB hold less than the 2 × 40,000 entries
 * of ~1.2 kB each the cache had as objects.
 */
const WORDS_PER_GENERATION = 65_536;

export class NerModel {
  private readonly slots: Float64Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  private readonly weights: Int32Array;
  /** (START + 1)² × L: the t-1 and t-2t-1 features for each pair of previous tags. */
  private readonly tagPairs: Int32Array;
  /** Per-word sums, bounded: a long-running server sees an unbounded vocabulary. */
  private readonly words = new GenerationCache(
    (w: string) => this.makeEntry(view(w, featureContext())),
    WORDS_PER_GENERATION,
  );
  private readonly pad: WordEntry;
  /** Keys of one token's pair or tag features, reused. */
  private readonly scratch = new Float64Array(PAIRS);
  /** List class → small number, and per class its view's hash, in order of first sight. */
  private readonly classIds = new Map<string, number>();
  private readonly classViews: TokenView[] = [];
  /** Pair of class numbers (a before b) → 2 × L: lx-1lx for b, then lxlx+1 for a. */
  private readonly classPairs: Array<Array<Int32Array | undefined>> = [];
  /** Per class number, (START + 1) × L: the t-1lx feature for each previous tag. */
  private readonly classTags: Int32Array[] = [];
  /** NSH³ × L: sh-1sh for each triple of shapes, filled on first use (`shFilled`). */
  private readonly shapeTriples = new Int32Array(NSH * NSH * NSH * L);
  private readonly shFilled = new Uint8Array(NSH * NSH * NSH);
  readonly size: number;
  readonly scale: number;

  constructor(data: ModelData) {
    this.size = data.keys.length;
    this.scale = data.scale;
    this.weights = data.weights;
    let cap = 16;
    while (cap < this.size * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Float64Array(cap).fill(-1);
    this.rows = new Int32Array(cap);
    const keys = data.keys;
    for (let row = 0; row < keys.length; row++) {
      const k = keys[row]!;
      let i = slotOf(k, this.mask);
      while (this.slots[i] !== -1 && this.slots[i] !== k) i = (i + 1) & this.mask;
      this.slots[i] = k;
      this.rows[i] = row;
    }
    this.tagPairs = new Int32Array((START + 1) * (START + 1) * L);
    for (let p1 = 0; p1 <= START; p1++) {
      for (let p2 = 0; p2 <= START; p2++)
        this.addKeys(tagOnlyKeys(p1, p2), 2, this.tagPairs, (p1 * (START + 1) + p2) * L);
    }
    this.pad = this.makeEntry(PAD);
  }

  /** The row of weights of feature `key`, or -1 when the model does not know it. */
  private row(key: number): number {
    let i = slotOf(key, this.mask);
    for (;;) {
      const k = this.slots[i]!;
      if (k === key) return this.rows[i]!;
      if (k === -1) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** The integer weights (× scale) of feature `key`, one per label, or undefined when the model does not know it. */
  weightsOf(key: number): Int32Array | undefined {
    const r = this.row(key);
    return r < 0 ? undefined : this.weights.subarray(r * L, r * L + L);
  }

  /** Adds the weights of the first `count` of `keys` to `out[at…at + L)`. */
  private addKeys(keys: ArrayLike<number>, count: number, out: Int32Array, at: number): void {
    for (let j = 0; j < count; j++) {
      const r = this.row(keys[j]!);
      if (r < 0) continue;
      for (let k = 0; k < L; k++) out[at + k]! += this.weights[r * L + k]!;
    }
  }

  private makeEntry(v: TokenView): WordEntry {
    const w = new Int32Array(ENTRY);
    const self = selfKeys(v);
    this.addKeys(self, self.length, w, 0);
    ROLES.forEach((_, role) => {
      const keys = neighbourKeys(v, role);
      this.addKeys(keys, keys.length, w, (role + 1) * L);
    });
    w[HW] = v.hw.a;
    w[HW + 1] = v.hw.b;
    w[HS] = v.hs.a;
    w[HS + 1] = v.hs.b;
    let lx = this.classIds.get(v.lx);
    if (lx === undefined) {
      lx = this.classViews.length;
      this.classIds.set(v.lx, lx);
      this.classViews.push(v);
      const t = new Int32Array((START + 1) * L);
      for (let prev = 0; prev <= START; prev++) {
        tagTokenKeysInto(prev, v, this.scratch);
        this.addKeys(this.scratch.subarray(1, 2), 1, t, prev * L);
      }
      this.classTags.push(t);
    }
    w[LX] = lx;
    const sh = SHAPES.indexOf(v.sh);
    if (sh < 0) throw new Error(`rasd: the NER tagger has no shape "${v.sh}" (features.ts and model.ts disagree)`);
    w[SH] = sh;
    return w;
  }

  /** lx-1lx (for b) and lxlx+1 (for a) of two neighbouring words' classes, summed once per pair of classes. */
  private classPair(a: number, b: number): Int32Array {
    // Arrays by class number, not a map: classes are few (tens), and this runs for every token.
    const row = (this.classPairs[a] ??= []);
    let out = row[b];
    if (out === undefined) {
      out = new Int32Array(2 * L);
      pairKeysInto(this.classViews[a]!, this.classViews[b]!, this.classViews[b]!, this.scratch);
      // pairKeysInto(p1, c, n1): [2] is lx-1lx of (p1, c) = (a, b); with c = a, [3] lxlx+1 of (c, n1) = (a, b).
      this.addKeys(this.scratch.subarray(2, 3), 1, out, 0);
      pairKeysInto(this.classViews[a]!, this.classViews[a]!, this.classViews[b]!, this.scratch);
      this.addKeys(this.scratch.subarray(3, 4), 1, out, L);
      row[b] = out;
    }
    return out;
  }

  /** sh-1sh of the shapes of a token's neighbour before, itself and its neighbour after (shape numbers). */
  private shapeTriple(p1: number, c: number, n1: number): number {
    const k = (p1 * NSH + c) * NSH + n1;
    if (this.shFilled[k] === 0) {
      this.scratch[0] = shapeTripleKey(SHAPE_HASHES[p1]!, SHAPE_HASHES[c]!, SHAPE_HASHES[n1]!);
      this.addKeys(this.scratch, 1, this.shapeTriples, k * L);
      this.shFilled[k] = 1;
    }
    return k * L;
  }

  /**
   * Whether the training data saw `word` (folded) mostly outside names: its word feature votes O above every name
   * label. Patterns use it to keep common words (قسم، خسارة) out of names.
   */
  commonWord(word: string): boolean {
    const r = this.row(wordKey(word));
    if (r < 0) return false;
    const w = this.weights.subarray(r * L, r * L + L);
    let best = 0;
    for (let k = 1; k < L; k++) if (w[k]! > w[best]!) best = k;
    return best === 0 && w[0]! > 0;
  }

  /** BIO labels (`B-PER`, `I-ORG`, `O`…) for a sentence of folded words. */
  tag(words: readonly string[]): string[] {
    return Array.from(this.tagIndexes(words), (k) => LABELS[k]!);
  }

  /** Label indexes into LABELS for a sentence of folded words. */
  tagIndexes(words: readonly string[]): Uint8Array {
    const n = words.length;
    // Two pads on each side, so that token i is e[i + 2] and its neighbours need no bounds checks.
    const e: WordEntry[] = [this.pad, this.pad];
    for (const w of words) e.push(this.words.get(w));
    e.push(this.pad, this.pad);
    // pairs[j]: the class pair of e[j + 1] and e[j + 2], i.e. of token j - 1 and token j (j = 0…n).
    const pairs: Int32Array[] = [];
    for (let j = 0; j <= n; j++) pairs.push(this.classPair(e[j + 1]![LX]!, e[j + 2]![LX]!));
    const base = new Int32Array(n * L);
    const keys = this.scratch;
    const shapes = this.shapeTriples;
    for (let i = 0; i < n; i++) {
      // Each word's segment for the role it stands in: 0 self, 1 before, 2 after, 3 two before, 4 two after.
      const c = e[i + 2]!;
      const p1 = e[i + 1]!;
      const n1 = e[i + 3]!;
      const p2 = e[i]!;
      const n2 = e[i + 4]!;
      const before = pairs[i]!;
      const after = pairs[i + 1]!;
      const sh = this.shapeTriple(p1[SH]!, c[SH]!, n1[SH]!);
      const at = i * L;
      for (let k = 0; k < L; k++)
        base[at + k] =
          c[k]! +
          p1[L + k]! +
          n1[2 * L + k]! +
          p2[3 * L + k]! +
          n2[4 * L + k]! +
          before[k]! +
          after[L + k]! +
          shapes[sh + k]!;
      wordPairKeysOf(p1[HW]!, p1[HW + 1]!, c[HW]!, c[HW + 1]!, n1[HW]!, n1[HW + 1]!, keys);
      this.addKeys(keys, 2, base, at); // w-1w and ww+1; the class and shape pairs are added above
    }
    return greedy(base, n, (i, prev1, prev2, out) => {
      const t = (prev1 * (START + 1) + prev2) * L;
      const c = e[i + 2]!;
      const lx = this.classTags[c[LX]!]!;
      const at = prev1 * L;
      if ((c[TF]! & (1 << prev1)) === 0) {
        // t-1s; t-1lx is the class's
        const r = this.row(tagWordKey(prev1, c[HS]!, c[HS + 1]!));
        if (r >= 0) for (let k = 0; k < L; k++) c[T + at + k]! += this.weights[r * L + k]!;
        c[TF]! |= 1 << prev1;
      }
      for (let k = 0; k < L; k++) out[k]! += this.tagPairs[t + k]! + c[T + at + k]! + lx[at + k]!;
    });
  }

  /** The model from trained weights, pruning features whose weights are all below `minWeight` in absolute value. */
  static fromWeights(weights: ReadonlyMap<number, Float64Array>, minWeight = 0.002, scale = 1000): NerModel {
    const keys: number[] = [];
    const ints: number[] = [];
    for (const [f, w] of weights) {
      if (!w.some((x) => Math.abs(x) >= minWeight)) continue;
      keys.push(f);
      for (const x of w) ints.push(Math.round(x * scale));
    }
    return new NerModel({ keys: Float64Array.from(keys), weights: Int32Array.from(ints), scale });
  }

  /** The model as its file stores it (before gzip). */
  toBytes(): Buffer {
    const keys = new Float64Array(this.size);
    const weights = new Int32Array(this.size * L);
    for (let i = 0; i < this.slots.length; i++) {
      if (this.slots[i] === -1) continue;
      const r = this.rows[i]!;
      keys[r] = this.slots[i]!;
      weights.set(this.weights.subarray(r * L, r * L + L), r * L);
    }
    return encodeModel({ keys, weights, scale: this.scale });
  }

  static fromBytes(buf: Buffer): NerModel {
    return new NerModel(decodeModel(buf));
  }
}

let ctx: FeatureContext | undefined;

export function featureContext(): FeatureContext {
  ctx ??= { gazetteer: singleWordNames() };
  return ctx;
}

let loaded: NerModel | null | undefined;

/** Replaces the shipped model for this process (evaluation trains its own on part of the data). */
export function useNerModel(model: NerModel | null): void {
  loaded = model;
}

/** The shipped model, loaded once; null when the file is missing (the recogniser then works from rules alone). */
export function loadNerModel(): NerModel | null {
  if (loaded !== undefined) return loaded;
  const path = join(projectRoot(), MODEL_FILE);
  loaded = existsSync(path) ? NerModel.fromBytes(gunzipSync(readFileSync(path))) : null;
  return loaded;
}
