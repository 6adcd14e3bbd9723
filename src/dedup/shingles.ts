import { forEachToken, normalizer } from "../analysis/ar/index.js";
import { hash32 } from "../core/hash.js";

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

/** `shingleHashes` from the identity words already computed (the exact key is made from the same words). */
export function shinglesOfWords(words: readonly string[]): Uint32Array {
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) out.add(hash32(words.join(" ")) >>> 0);
  } else {
    // The same string as words.slice(i, i + 3).join(" "), without the array (SHINGLE_WORDS is 3).
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(hash32(`${words[i]!} ${words[i + 1]!} ${words[i + 2]!}`) >>> 0);
  }
  return Uint32Array.from(out);
}

