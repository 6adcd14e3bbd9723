import { ownsFirstLetter } from "./lexicon.js";

/**
 * rasd's light stemmer, for search recall only (never an identity key). Input: a `search`-normalised Arabic token
 * (آأإ→ا, ى→ي, ة→ه already done). What it keeps that Lucene and Snowball break:
 *
 *   word  ──► proclitics ──► enclitic pronoun ──► case/number/gender ──► nisba ──► variant fold
 *
 * 1. Proclitics as a grammar, not a list: [و|ف]? [ب|ك|ل]? ال?, with ل+ال written لل. So والولايات, للولايات,
 *    وبالولايات and الولايات all give ولاي... alike. After the article nothing more is stripped (it is innermost).
 *    Without the article, a single و ف ب ك ل is stripped only when 3+ letters remain and the letter does not belong
 *    to the word (lexicon.ts: وزير, بغداد, فرنسا, واشنطن, كارتر keep theirs).
 * 2. Suffixes in the order Arabic stacks them, outermost first, each at most once, each leaving 3+ letters (4+ for
 *    the ones that end many plain nouns and names: هم هن ون ين). The dual ان is not stripped: far more nouns and
 *    names end in it (لبنان, برلمان, إيران) than duals occur in news.
 *    A final ا (accusative tanween كتابا, verb plural قالوا, country names أمريكا/روسيا) goes, so that country and
 *    nisba meet: أمريكا, الأمريكي, الأمريكية, الأمريكيين → امريك.
 * 3. Variant fold: in a stem of 5+ letters, an inner ي or و (not first, not last) is dropped, so transliteration
 *    variants meet (الأميركي/الأمريكي → امرك, تلفزيون/تليفزيون).
 */

const ALEF = 0x0627;
const LAM = 0x0644;
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const YEH = 0x064a;

/** Options for experiments and tests; the defaults are the scheme. */
export interface RasdStemOptions {
  /** Drop inner ي/و in long stems (default true). */
  variantFold?: boolean;
}

export function rasdStem(word: string, opts: RasdStemOptions = {}): string {
  let s = stripProclitics(word);
  s = stripSuffixes(s);
  if (opts.variantFold !== false) s = variantFold(s);
  return s;
}

function isConj(c: number): boolean {
  return c === WAW || c === FEH;
}

function isPrep(c: number): boolean {
  return c === BEH || c === KAF || c === LAM;
}

/** `s` without its proclitics (see the grammar above). */
export function stripProclitics(s: string): string {
  const n = s.length;
  let i = 0;
  // Definite article, possibly behind a conjunction and a preposition: [و|ف]? [ب|ك]? ال, or [و|ف]? لل.
  if (n > 0 && isConj(s.charCodeAt(0))) i = 1;
  const p = s.charCodeAt(i);
  if (isPrep(p) && p !== LAM && s.charCodeAt(i + 1) === ALEF && s.charCodeAt(i + 2) === LAM && n - (i + 3) >= 2) {
    return s.slice(i + 3);
  }
  if (p === LAM && s.charCodeAt(i + 1) === LAM && n - (i + 2) >= 3) return s.slice(i + 2);
  if (p === ALEF && s.charCodeAt(i + 1) === LAM && n - (i + 2) >= 2 && !isAllah(s, i)) return s.slice(i + 2);
  // No article: single letters, each only if it is not the word's own.
  let t = s;
  if (isConj(t.charCodeAt(0)) && t.length - 1 >= 3 && !ownsFirstLetter(t)) t = t.slice(1);
  if (isPrep(t.charCodeAt(0)) && t.length - 1 >= 3 && !ownsFirstLetter(t)) t = t.slice(1);
  return t;
}

/** الله (and لله) is a name, not ال + له. */
function isAllah(s: string, i: number): boolean {
  return s.length - i === 4 && s.charCodeAt(i + 2) === LAM && s.charCodeAt(i + 3) === 0x0647;
}

/** [suffix, letters that must remain], outermost first. Each is tried once, in this order. */
const SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ["\u0647\u0645\u0627", 3], // هما
  ["\u0647\u0627", 3], // ها
  ["\u0647\u0645", 4], // هم
  ["\u0647\u0646", 4], // هن
  ["\u0648\u0627", 3], // وا (verb plural)
  ["\u064a\u0627", 3], // يا (country names: روسيا, سوريا)
  ["\u0627\u062a", 3], // ات
  ["\u0627", 4], // ا (accusative كتابا, أمريكا)
  ["\u0648\u0646", 4], // ون
  ["\u064a\u0646", 4], // ين
  ["\u064a\u0647", 3], // يه (ية)
  ["\u0647", 3], // ه (ة, or the pronoun)
  ["\u064a", 3], // ي (nisba, pronoun)
];

export function stripSuffixes(word: string): string {
  let len = word.length;
  for (const [suf, min] of SUFFIXES) {
    if (len - suf.length >= min && word.startsWith(suf, len - suf.length)) len -= suf.length;
  }
  return len === word.length ? word : word.slice(0, len);
}

/** Drops inner ي and و from stems of 5+ letters: the places where transliterations of one name disagree. */
export function variantFold(s: string): string {
  const n = s.length;
  if (n < 5) return s;
  let out = "";
  let from = 1;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c !== YEH && c !== WAW) continue;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 1 ? s : s[0] + out + s.slice(from);
}
