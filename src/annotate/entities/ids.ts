import { nameKey } from "./text.js";

/**
 * Entity ids are a pure function of the canonical name, so every run, every process and every store gives the same
 * id to the same entity: a Latin slug when the gazetteer gives an English name (`united-states`, `islamic-state`),
 * else `e` + 64-bit FNV-1a of the name's identity key (آشتون كارتر and اشتون كارتر share one).
 */

/**
 * FNV-1a over UTF-16 code units in 64 bits, as hex. The product is worked out on four 16-bit limbs in plain numbers
 * (BigInt arithmetic per character was a tenth of linking): the FNV prime is 2⁴⁰ + 0x1b3, so h × prime is
 * h × 0x1b3 plus h shifted up by 40 bits, all modulo 2⁶⁴.
 */
export function fnv64(s: string): string {
  // Limbs, least significant first: 0xcbf29ce484222325.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < s.length; i++) {
    h0 ^= s.charCodeAt(i); // a code unit is 16 bits: it only touches the lowest limb
    // h × 0x1b3: each limb times 0x1b3 with carries.
    let t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3 + (t0 >>> 16);
    let t2 = h2 * 0x1b3 + (t1 >>> 16);
    let t3 = h3 * 0x1b3 + (t2 >>> 16);
    t0 &= 0xffff;
    t1 &= 0xffff;
    t2 &= 0xffff;
    // + h << 40: limb k of h lands at bit 16k + 40, i.e. h0 << 8 into limb 2 and h1 << 8 into limb 3.
    t2 += (h0 << 8) & 0xffff;
    t3 += (h0 >>> 8) + ((h1 << 8) & 0xffff) + (t2 >>> 16);
    h0 = t0;
    h1 = t1;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  const hex = (x: number) => x.toString(16).padStart(4, "0");
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

export function slug(latin: string): string {
  return latin
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-|-$/gu, "");
}

/** The id of an entity whose canonical name is `name` (and, for gazetteer entries, English name `latin`). */
export function entityId(name: string, latin?: string): string {
  if (latin !== undefined && slug(latin) !== "") return slug(latin);
  return `e${fnv64(nameKey(name))}`;
}
