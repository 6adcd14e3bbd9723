/**
 * MinHash signatures and LSH banding.
 *
 *   shingles ──► K = 64 hash functions h_i(x) = fmix32(x XOR seed_i) ──► signature [m_0 … m_63], m_i = min h_i
 *
 *   signature  | m0 m1 m2 m3 | m4 m5 m6 m7 | … | m60 m61 m62 m63 |
 *              |   band 0    |   band 1    | … |     band 15      |   B = 16 bands of R = 4 rows
 *                    │             │                   │
 *                    ▼             ▼                   ▼
 *               bucket key    bucket key    …     bucket key        two texts sharing any bucket are candidates
 *
 * P(candidate) = 1 − (1 − J^R)^B: 0.64 at Jaccard 0.5, 0.99 at 0.7, ≈1 at 0.8. Candidates are then confirmed
 * with the signature's own Jaccard estimate (share of equal minima; standard error ≤ 0.0625 at K = 64).
 */

import { fmix32 } from "../core/fmix.js";
export const NUM_HASHES = 64;
export const BANDS = 16;
export const ROWS = NUM_HASHES / BANDS;

/** Fixed seeds, so signatures stored by one process are comparable with another's. */
const SEEDS: Uint32Array = (() => {
  const s = new Uint32Array(NUM_HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    x = fmix32((x + 0x6d2b79f5) >>> 0);
    s[i] = x;
  }
  return s;
})();

/**
 * The first step of fmix32 applied to the seeds: fmix32(x ^ s) begins with h ^= h >>> 16, which distributes over
 * the XOR, so (x ^ s) ^ ((x ^ s) >>> 16) = (x ^ x >>> 16) ^ (s ^ s >>> 16): half of that step is done once per seed
 * here and the other half once per shingle (64 hashes per shingle are the cost of a signature).
 */
const SEEDS_MIXED: Uint32Array = SEEDS.map((s) => s ^ (s >>> 16));

/** The MinHash signature of a set of shingle hashes (all 0xffffffff for an empty set): m_i = min fmix32(x ^ seed_i). */
export function signature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let j = 0; j < shingles.length; j++) {
    const x = shingles[j]!;
    const x1 = x ^ (x >>> 16);
    for (let i = 0; i < NUM_HASHES; i++) {
      // fmix32 from its second step on.
      let h = x1 ^ SEEDS_MIXED[i]!;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two sets the signatures were made from. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/**
 * One bucket key per band: the band number and a 32-bit mix of its rows, as one safe integer
 * (band × 2^32 + mix), so keys from different bands never meet.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < ROWS; r++) h = fmix32((Math.imul(h, 31) + sig[b * ROWS + r]!) >>> 0);
    keys.push(b * 0x100000000 + h);
  }
  return keys;
}

/** Signature ⇄ text (base64 of the little-endian words), for the store. */
export function encodeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString("base64");
}

export function decodeSignature(text: string): Uint32Array {
  const buf = Buffer.from(text, "base64");
  const out = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES && i * 4 + 3 < buf.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}
