import { findPhrases } from "./phrases.js";
import { skeletonKey, type Token } from "./text.js";
import type { Candidate } from "./recognize.js";

/**
 * Names in English captions (agency photo captions ride along with Arabic articles): gazetteer names first
 * (Pentagon, REUTERS, U.S., Islamic State), then runs of capitalised words with titles and sentence furniture taken
 * off — two or three words are a person (Barack Obama, Ash Carter, a photographer's credit). The stage links such a
 * person to the Arabic name it transliterates (`latinSkeleton` against the Arabic skeleton).
 */

const NOT_NAME = new Set(
  `president secretary defense defence minister prime foreign interior general gen. senator sen. rep. chancellor king
  prince mr. mrs. ms. dr. spokesman spokeswoman photo file in the to but a an this that it he she they we on at for and
  of from with after before during as by administration state department army forces coalition u.s. news conference
  january february march april may june july august september october november december jan. feb. mar. apr. jun. jul.
  aug. sep. sept. oct. nov. dec. monday tuesday wednesday thursday friday saturday sunday (l) (r) left right center`
    .split(/\s+/u)
    .filter(Boolean),
);

function capital(t: Token | undefined): boolean {
  if (t === undefined || !t.word || !t.latin || !/^\p{Lu}\p{L}/u.test(t.text)) return false;
  const w = t.text.toLowerCase();
  return !NOT_NAME.has(w) && !NOT_NAME.has(`${w}.`);
}

export function englishCandidates(tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  const taken = new Set<number>();
  for (const h of findPhrases(tokens)) {
    if (h.related) continue;
    out.push({ from: h.from, to: h.to, type: h.entry.type, source: "gazetteer", entry: h.entry });
    for (let k = h.from; k < h.to; k++) taken.add(k);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!capital(tokens[i]) || taken.has(i)) continue;
    let j = i;
    while (
      j < tokens.length &&
      capital(tokens[j]) &&
      !taken.has(j) &&
      tokens[j]!.start - (tokens[j - 1]?.end ?? 0) <= 1
    )
      j++;
    if (j - i >= 1 && j - i <= 3) out.push({ from: i, to: j, type: "person", source: "pattern" });
    i = j - 1;
  }
  return out.sort((a, b) => a.from - b.from);
}

const DIGRAPHS: Array<[string, string]> = [
  ["sh", "ش"],
  ["ch", "تش"],
  ["th", "ث"],
  ["ph", "ف"],
  ["kh", "خ"],
  ["gh", "غ"],
  ["ck", "ك"],
];
const LETTERS: Record<string, string> = {
  b: "ب",
  c: "ك",
  d: "د",
  f: "ف",
  g: "غ",
  h: "ه",
  j: "ج",
  k: "ك",
  l: "ل",
  m: "م",
  n: "ن",
  p: "ب",
  q: "ك",
  r: "ر",
  s: "س",
  t: "ت",
  v: "ف",
  w: "و",
  x: "كس",
  z: "ز",
};

const VOWELS = "aeiouy";
/** The Arabic letters one foreign sound is written with, folded to one (غ ج ق → ج, ت ط → ت, س ص → س). */
const SOUND_FOLD: Record<string, string> = { غ: "ج", ق: "ج", ط: "ت", ص: "س" };

/**
 * An English name word as the Arabic consonant skeleton it would be written with (Carter → كرتر, Obama → ابم).
 * Written as loops over characters rather than regular expressions: it runs on the 8,849 names of the foreign
 * given-name table at every process's first tagged word (gazetteer/foreign-names.ts), a visible part of a cold start.
 */
export function latinSkeleton(word: string): string {
  const lower = word.toLowerCase();
  let w = "";
  for (const ch of lower) if (ch >= "a" && ch <= "z") w += ch;
  // In the table's order, each over the whole word: a later digraph never splits an earlier one's letters.
  for (const [d, a] of DIGRAPHS) if (w.includes(d)) w = w.replaceAll(d, a);
  let letters = VOWELS.includes(w.charAt(0)) && w !== "" ? "ا" : "";
  for (const ch of w) if (!VOWELS.includes(ch)) letters += LETTERS[ch] ?? ch;
  // Runs of one letter made one, then the letters of one sound folded (in this order: غج stays two letters).
  let out = "";
  let prev = "";
  for (const ch of letters) {
    if (ch !== prev) out += SOUND_FOLD[ch] ?? ch;
    prev = ch;
  }
  return out;
}

/** The Arabic skeleton of one name word, comparable with `latinSkeleton`. */
export function arabicSkeleton(word: string): string {
  return skeletonKey(word).replace(/(.)\1+/gu, "$1");
}

/**
 * Whether an English name (words) transliterates an Arabic full name (words): the last words agree, and when the
 * English gives a first name, one first name's skeleton starts the other's (Ash ~ آشتون).
 */
export function sameName(en: readonly string[], ar: readonly string[]): boolean {
  const el = en[en.length - 1];
  const al = ar[ar.length - 1];
  if (el === undefined || al === undefined || ar.length < 2) return false;
  if (latinSkeleton(el) !== arabicSkeleton(al) || latinSkeleton(el).length < 2) return false;
  if (en.length === 1) return true;
  const ef = latinSkeleton(en[0]!);
  const af = arabicSkeleton(ar[0]!);
  return ef.length >= 2 && (af.startsWith(ef) || ef.startsWith(af));
}
