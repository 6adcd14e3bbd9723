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
  const starts = new Int32Array(words.length + 1);
  for (let i = 0, at = 0; i < words.length; i++) {
    starts[i] = at;
    at += utf8Length(words[i]!) + 1;
  }
  starts[words.length] = bytes.length + 1;
  const out = new Uint32Array(words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < out.length; i++) out[i] = xxh32(bytes, starts[i]!, starts[i + SHINGLE_WORDS]! - 1);
  return distinct(out);
}

/** The distinct values, ascending (a sort and one pass: no Set of a few hundred numbers per article). */
function distinct(xs: Uint32Array): Uint32Array {
  xs.sort();
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (i === 0 || xs[i] !== xs[n - 1]) xs[n++] = xs[i]!;
  return xs.subarray(0, n);
}
