/**
 * Whether a decoding reads as text, judged on the words (markup removed): the marks a wrong encoding leaves are
 * well known, and none of them is keyed to a language.
 *
 * - junk: control characters, unassigned or private-use code points, U+FFFD;
 * - mixed words: one word in two scripts (Hebrew or ISO-8859-6 bytes read as windows-1256 give "èزêر");
 * - case breaks: a non-ASCII capital inside a lower-case word ("BlanchardÕs": a Mac quote read as windows-1252;
 *   Cyrillic capitals read through the wrong Cyrillic table);
 * - symbols inside words ("Ð¿Ñ€Ð¸": UTF-8 read as a single-byte page; ™ ∞ ± between letters);
 * - Latin runs: in Latin text, accented letters come one or two at a time between ASCII ones; a run of three or more
 *   non-ASCII characters is a multi-byte script (Chinese, Cyrillic) read through a Latin table.
 *
 * The thresholds (JUDGE_LIMITS) were set on the tuning half of ../shared/corpus/charsets (scripts/charset-eval.ts
 * prints both halves).
 */

export interface TextStats {
  /** Characters other than white space. */
  chars: number;
  junk: number;
  /** Words with at least one non-ASCII letter. */
  words: number;
  mixed: number;
  caseBreaks: number;
  symbolsInWords: number;
  /** Non-ASCII characters, and those in runs of three or more, when the text's non-ASCII letters are mostly Latin. */
  latinNonAscii: number;
  latinRuns: number;
  /** Non-ASCII letters by script group. */
  scripts: Record<string, number>;
}

export const JUDGE_LIMITS = {
  /** Share of junk among non-space characters. */
  junk: 0.002,
  /**
   * Share of non-ASCII words in two scripts. Real Greek and Cyrillic text has a few (a Latin "A" typed for a Greek
   * Alpha: "Aνοδος", 2 of 90 words in one tuning file); a wrong Arabic code page mixes most words.
   */
  mixed: 0.05,
  /** Share of non-ASCII words with a capital inside. */
  caseBreaks: 0.02,
  /** Symbols between letters, per non-ASCII word. */
  symbolsInWords: 0.05,
  /** Share of non-ASCII characters in runs of three or more, in Latin text. */
  latinRuns: 0.25,
} as const;

const SCRIPTS = ["other", "latin", "arabic", "cyrillic", "greek", "hebrew", "thai", "cjk"] as const;
const SCRIPT_TESTS: ReadonlyArray<[number, RegExp]> = [
  [1, /\p{Script=Latin}/u],
  [2, /\p{Script=Arabic}/u],
  [3, /\p{Script=Cyrillic}/u],
  [4, /\p{Script=Greek}/u],
  [5, /\p{Script=Hebrew}/u],
  [6, /\p{Script=Thai}/u],
  [7, /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u],
];

// One code point's classes, as bits, with its script group in the high bits.
const LETTER = 1;
const MARK = 2;
const UPPER = 4;
const LOWER = 8;
const SYMBOL = 16;
const JUNK = 32;
const WHITE = 64;
const COMPUTED = 128;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let f = COMPUTED;
  if (/\p{L}/u.test(ch)) f |= LETTER;
  if (/\p{M}/u.test(ch)) f |= MARK;
  if (/\p{Lu}/u.test(ch)) f |= UPPER;
  if (/\p{Ll}/u.test(ch)) f |= LOWER;
  if (/\p{S}/u.test(ch)) f |= SYMBOL;
  if (/[\p{Cc}\p{Co}\p{Cn}\uFFFD]/u.test(ch) && !/\s/u.test(ch)) f |= JUNK;
  if (/\s/u.test(ch)) f |= WHITE;
  let script = 0;
  // Full-width forms sit in CJK text whatever their script.
  if (cp < 0xff00 || cp > 0xffef) for (const [id, re] of SCRIPT_TESTS) if (re.test(ch)) script ||= id;
  return f | (script << 8);
}

/** Classes of the Basic Multilingual Plane, filled as code points are met (bounded: 64 K entries). */
const BMP = new Uint16Array(0x10000);

function classOf(cp: number): number {
  if (cp > 0xffff) return classify(cp);
  let f = BMP[cp]!;
  if (f === 0) BMP[cp] = f = classify(cp);
  return f;
}

interface WordState {
  nonAscii: boolean;
  ascii: boolean;
  scripts: number;
  broken: boolean;
}

function endWord(w: WordState, s: TextStats): void {
  if (w.nonAscii) {
    s.words++;
    let scripts = w.scripts & ~1; // bit 0: "other" is no script
    // ASCII letters join Latin words, and also CJK ones ("PC방", "CD机"): only those two take them.
    if (w.ascii && !(scripts & (1 << 7))) scripts |= 1 << 1;
    if (scripts & (scripts - 1)) s.mixed++;
    if (w.broken) s.caseBreaks++;
  }
  w.nonAscii = w.ascii = w.broken = false;
  w.scripts = 0;
}

/** Counts the marks of a wrong decoding in `text` (already without markup). */
export function textStats(text: string): TextStats {
  const s: TextStats = {
    chars: 0,
    junk: 0,
    words: 0,
    mixed: 0,
    caseBreaks: 0,
    symbolsInWords: 0,
    latinNonAscii: 0,
    latinRuns: 0,
    scripts: {},
  };
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  const w: WordState = { nonAscii: false, ascii: false, scripts: 0, broken: false };
  const runs: number[] = [];
  let run = 0;
  let prev = 0; // classes of the previous code point, and the one before
  let prevPrev = 0;
  let prevCp = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const f = cp < 0x80 ? asciiClass(cp) : classOf(cp);
    if (f & (LETTER | MARK)) {
      if (cp < 0x80) w.ascii = true;
      else if (f & LETTER) {
        w.nonAscii = true;
        const sc = f >> 8;
        w.scripts |= 1 << sc;
        counts[sc]!++;
      }
    } else endWord(w, s);
    // A capital between two lower-case letters, one of the three non-ASCII: seen when the third arrives.
    if (prev & UPPER && prevPrev & LOWER && f & LOWER && (prevCp >= 0x80 || cp >= 0x80)) w.broken = true;
    if (prev & SYMBOL && prevCp >= 0x80 && prevPrev & LETTER && f & LETTER && !isCjk(prevPrev) && !isCjk(f))
      s.symbolsInWords++;
    if (!(f & WHITE)) {
      s.chars++;
      if (f & JUNK) s.junk++;
    }
    if (cp >= 0x80 && !(f & WHITE)) run++;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
    prevPrev = prev;
    prev = f;
    prevCp = cp;
  }
  endWord(w, s);
  if (run > 0) runs.push(run);
  counts.forEach((n, i) => {
    if (n > 0 && i > 0) s.scripts[SCRIPTS[i]!] = n;
  });
  const letters = counts.reduce((a, b) => a + b, 0);
  if ((counts[1] ?? 0) > letters / 2) {
    for (const r of runs) {
      s.latinNonAscii += r;
      if (r >= 3) s.latinRuns += r;
    }
  }
  return s;
}

function isCjk(f: number): boolean {
  return f >> 8 === 7;
}

const ASCII = new Uint16Array(0x80).map((_, cp) => classify(cp));

function asciiClass(cp: number): number {
  return ASCII[cp]!;
}

/** Why the text does not read as text, or undefined when it does. */
export function implausible(s: TextStats): string | undefined {
  const words = Math.max(s.words, 1);
  if (s.chars > 0 && s.junk / s.chars > JUDGE_LIMITS.junk)
    return `${s.junk} control, unassigned or replacement characters`;
  if (s.mixed / words > JUDGE_LIMITS.mixed) return `${s.mixed} of ${s.words} words mix two scripts`;
  if (s.caseBreaks / words > JUDGE_LIMITS.caseBreaks)
    return `${s.caseBreaks} of ${s.words} words have a capital inside`;
  if (s.symbolsInWords / words > JUDGE_LIMITS.symbolsInWords) return `${s.symbolsInWords} symbols stand inside words`;
  if (s.latinNonAscii > 0 && s.latinRuns / s.latinNonAscii > JUDGE_LIMITS.latinRuns)
    return `accented letters come in long runs (${s.latinRuns} of ${s.latinNonAscii})`;
  return undefined;
}

/** The script most non-ASCII letters are in, or undefined when there are none. */
export function mainScript(s: TextStats): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [k, v] of Object.entries(s.scripts)) if (v > n) [best, n] = [k, v];
  return best;
}
