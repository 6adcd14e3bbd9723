import { nameKey } from "./text.js";

/**
 * Entity ids are a pure function of the canonical name, so every run, every process and every store gives the same
 * id to the same entity: a Latin slug when the gazetteer gives an English name (`united-states`, `islamic-state`),
 * else `e` + 64-bit FNV-1a of the name's identity key (آشتون كارتر and اشتون كارتر share one).
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function fnv64(s: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, "0");
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
