import { forEachToken, normalizer } from "../analysis/ar/index.js";
import { hash32 } from "../core/hash.js";
import { utf8Length, xxh32 } from "../core/xxh32.js";

/** Words per shingle. Three words keep agency copies together while two stories on one subject share few. */
export const SHINGLE_WORDS = 3 as const;

const identity = normalizer("identity");

/**
 * The words of `text` at identity strength (hamza seats, alef forms, ta marbuta, harakat, digits folded), so an
 * outlet's re-spelling of an agency text is still the same word sequence. No stemming: identity, not recall.
 */
export function identityWords(text: string): string[] {
  const words: string[] = [];
  forEachToken(text, (start, end, kind) => {
    if (kind === "url" || kind === "mention") return;
    const w = identity(text.slice(start, end));
    if (w.length > 0) words.push(w);
  });
  return words;
}

/**
 * The distinct 32-bit hashes of the word `SHINGLE_WORDS`-grams of `text` (`loadHasher()` must have run).
 * A text shorter than one shingle gives the hash of its whole word sequence, so it still has a fingerprint.
 */
export function shingleHashes(text: string): Uint32Array {
  return shinglesOfWords(identityWords(text));
}

/**
 * `shingleHashes` from the identity words already computed, and their join by spaces when the caller has it (the
 * exact key is made from the same words).
 */
export function shinglesOfWords(words: readonly string[], joined = words.join(" ")): Uint32Array {
  if (words.length < SHINGLE_WORDS) return words.length > 0 ? Uint32Array.of(hash32(joined) >>> 0) : new Uint32Array(0);
  // The words joined by spaces, encoded once: shingle i is the byte range from word i's start to word i+2's end,
  // hashed in place (the same value as hashing words.slice(i, i + 3).join(" ")).
  const bytes = Buffer.from(joined, "utf8");
  const starts = wordStarts(words, bytes.length);
  const out = new Uint32Array(words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < out.length; i++) out[i] = xxh32(bytes, starts[i]!, starts[i + SHINGLE_WORDS]! - 1);
  return distinct(out);
}

/** Byte offset of each word in the encoded join, and the join's length + 1 (so word i ends at starts[i + 1] - 1). */
function wordStarts(words: readonly string[], length: number): Int32Array {
  const starts = new Int32Array(words.length + 1);
  for (let i = 0, at = 0; i < words.length; i++) {
    starts[i] = at;
    at += utf8Length(words[i]!) + 1;
  }
  starts[words.length] = length + 1;
  return starts;
}

/**
 * The distinct values, in order of first occurrence, in place: a set of a few hundred hashes per article, kept in an
 * open-addressed scratch table reused from call to call (a slot counts as used when stamped with this call's epoch,
 * so nothing is cleared between calls). The values are hashes already, so their low bits index the table.
 */
function distinct(xs: Uint32Array): Uint32Array {
  let size = 64;
  while (size < xs.length * 2) size *= 2;
  if (scratch.values.length < size)
    scratch = { values: new Uint32Array(size), stamps: new Uint32Array(size), epoch: 0 };
  const { values, stamps } = scratch;
  if (++scratch.epoch === 0xffffffff) {
    stamps.fill(0);
    scratch.epoch = 1;
  }
  const epoch = scratch.epoch;
  const mask = values.length - 1;
  let n = 0;
  next: for (let j = 0; j < xs.length; j++) {
    const x = xs[j]!;
    let i = x & mask;
    for (; stamps[i] === epoch; i = (i + 1) & mask) if (values[i] === x) continue next;
    stamps[i] = epoch;
    values[i] = x;
    xs[n++] = x;
  }
  return xs.subarray(0, n);
}

let scratch = { values: new Uint32Array(0), stamps: new Uint32Array(0), epoch: 0 };
