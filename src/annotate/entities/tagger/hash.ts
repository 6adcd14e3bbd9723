/**
 * Feature keys as numbers instead of strings. A feature is a template (`w-1`, `lx-1lx`…) applied to one to three
 * values (words, classes, tags). Each value is hashed once, by two unrelated 32-bit hashes; a feature's key mixes the
 * template with its values' hashes, with no string built per token:
 *
 *   value "كارتر" ──► (a, b)          template T ──► (Ta, Tb)
 *   key = fmixA(T_a ⊕ v1.a ⊕ v2.a …) · 2²¹ + (fmixB(T_b ⊕ v1.b …) >>> 11)
 *
 * The key is a 53-bit integer, exact in a double, so it can key a Map when training and a Float64Array slot table
 * when tagging. Two different features share a key with odds near 2⁻⁵³ per pair: none in practice.
 */

import { fmix32 } from "../../../core/fmix.js";
import type { ValueHash } from "../../../core/value-hash.js";

const B21 = 2097152; // 2 ** 21

function stepA(h: number, x: number): number {
  h = Math.imul(h ^ x, 0xcc9e2d51);
  return Math.imul((h << 15) | (h >>> 17), 0x1b873593);
}

function stepB(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x27d4eb2f);
  return Math.imul((h << 13) | (h >>> 19), 0x165667b1);
}

/** The key of template `t` (its own hash) over one, two or three values. */
export function key1(t: ValueHash, v: ValueHash): number {
  return fmix32(stepA(t.a, v.a)) * B21 + (fmix32(stepB(t.b, v.b)) >>> 11);
}

export function key2(t: ValueHash, v: ValueHash, w: ValueHash): number {
  return fmix32(stepA(stepA(t.a, v.a), w.a)) * B21 + (fmix32(stepB(stepB(t.b, v.b), w.b)) >>> 11);
}

/** key2 from the values' two hashes given apart (as 32-bit integers, either sign: only their bits are mixed). */
export function key2ab(t: ValueHash, va: number, vb: number, wa: number, wb: number): number {
  return fmix32(stepA(stepA(t.a, va), wa)) * B21 + (fmix32(stepB(stepB(t.b, vb), wb)) >>> 11);
}

export function key3(t: ValueHash, v: ValueHash, w: ValueHash, x: ValueHash): number {
  return (
    fmix32(stepA(stepA(stepA(t.a, v.a), w.a), x.a)) * B21 + (fmix32(stepB(stepB(stepB(t.b, v.b), w.b), x.b)) >>> 11)
  );
}

/** The slot a key starts probing at in a table of `mask + 1` slots: the low bits of its first hash. */
export function slotOf(key: number, mask: number): number {
  return (key / B21) & mask;
}
