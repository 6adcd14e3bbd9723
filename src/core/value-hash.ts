import { fmix32 } from "./fmix.js";

/** A value's two hashes. */
export interface ValueHash {
  a: number;
  b: number;
}

/**
 * Two unrelated 32-bit hashes of a string: FNV-1a and a multiplicative hash with another seed, each finished by
 * murmur3's fmix. Together they key a string by a number with no table (the tagger's feature keys, clustering's
 * term keys).
 */
export function hashValue(s: string): ValueHash {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
  }
  return { a: fmix32(a), b: fmix32(b ^ s.length) };
}
