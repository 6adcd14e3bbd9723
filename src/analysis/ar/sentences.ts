import { charClasses, C_ARABIC, C_DIGIT, C_LATIN, C_LETTER, C_MARK, C_SPACE } from "./chars.js";

/**
 * Sentence spans with offsets into the source: `text.slice(s.start, s.end) === s.text`, trimmed of spaces.
 *
 * A sentence ends after `.` `!` `?` `؟` `؛` `…` `۔` (a run of them, then any closing quotes or brackets), and at
 * every line break (scraped pages and our block texts put one paragraph per line). It does not end:
 * - at the Arabic comma `،` (nor `,` `;` `:`);
 * - at a `.` between digits (3.5) or before a Latin letter or digit (rasd.io, U.S.A);
 * - after an abbreviation: a single letter of any script (د. محمد، U.S.), or a known Latin one (Mr., Dr., Jan.);
 * - inside a quotation «…», “…” or "…" that closes within the same paragraph and within MAX_QUOTE characters: its
 *   inner punctuation is the speaker's, and the sentence may end right after the closing mark.
 * Linear in the text (a quote's close is searched at most MAX_QUOTE ahead), never throws.
 */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** A quotation longer than this is several sentences of speech: split inside it. */
const MAX_QUOTE = 400;

const NEWLINE = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;

const TERMINATORS = new Set([0x2e, 0x21, 0x3f, 0x061f, 0x061b, 0x2026, 0x06d4]);
const CLOSERS = new Set([0x22, 0x27, 0xbb, 0x201d, 0x2019, 0x29, 0x5d, 0x7d, 0x203a]);
/** Opening mark → its closing mark. `"` closes itself. */
const QUOTE_PAIRS = new Map<number, number>([
  [0xab, 0xbb], // « »
  [0x201c, 0x201d], // “ ”
  [0x22, 0x22], // " "
]);

const URL_GLUE = new Set([0x2f, 0x3d, 0x26, 0x23, 0x5f, 0x2d, 0x7e]); // / = & # _ - ~

const LATIN_ABBREVIATIONS = new Set(
  "mr mrs ms dr prof st jr sr inc ltd co corp gen col lt sgt capt gov sen rep rev vs etc no jan feb mar apr jun jul aug sep sept oct nov dec fig al approx est dept univ".split(
    " ",
  ),
);

/** Splits `text` into sentences. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = 0;
  let quoteEnd = -1; // inside a quotation until this offset (its closing mark)
  const findClose = closeFinder(text);
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE || code === CR) {
      push(text, start, i, out);
      start = i + 1;
      quoteEnd = -1;
      i++;
      continue;
    }
    if (i > quoteEnd && QUOTE_PAIRS.has(code)) {
      const close = findClose(i, QUOTE_PAIRS.get(code)!);
      if (close > 0) quoteEnd = close;
      i++;
      continue;
    }
    if (i < quoteEnd || !TERMINATORS.has(code) || !endsHere(text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && TERMINATORS.has(text.charCodeAt(j))) j++;
    while (j < n && CLOSERS.has(text.charCodeAt(j)) && !opensQuote(text, j)) j++;
    push(text, start, j, out);
    start = j;
    i = j;
  }
  push(text, start, n, out);
  return out;
}

function push(text: string, from: number, to: number, out: Sentence[]): void {
  const cls = charClasses();
  let a = from;
  let b = to;
  while (a < b && cls[text.charCodeAt(a)] === C_SPACE) a++;
  while (b > a && cls[text.charCodeAt(b - 1)] === C_SPACE) b--;
  if (b > a) out.push({ text: text.slice(a, b), start: a, end: b });
}

/**
 * Finds the mark closing the quotation opened at `open`, in the same paragraph and near enough. A failed search
 * remembers how far it looked (per closing mark), so a run of unclosed quotes is scanned once: linear overall.
 */
function closeFinder(text: string): (open: number, closeCode: number) => number {
  const clean = new Map<number, number>(); // closing mark → offset up to which it is known absent
  return (open, closeCode) => {
    const limit = Math.min(text.length, open + 1 + MAX_QUOTE);
    let j = Math.max(open + 1, clean.get(closeCode) ?? 0);
    for (; j < limit; j++) {
      const c = text.charCodeAt(j);
      if (c === closeCode) return j;
      if (c === NEWLINE || c === CR) break;
    }
    clean.set(closeCode, j);
    return -1;
  };
}

/** A `"` right before a letter opens a new quotation rather than closing the sentence before it. */
function opensQuote(text: string, j: number): boolean {
  if (text.charCodeAt(j) !== 0x22) return false;
  const k = charClasses()[text.charCodeAt(j + 1)];
  return k === C_ARABIC || k === C_LATIN || k === C_LETTER;
}

/** Whether the terminator at `i` ends a sentence (the exceptions are all about `.`). */
function endsHere(text: string, i: number): boolean {
  const cls = charClasses();
  const nextCode = text.charCodeAt(i + 1);
  const next = cls[nextCode];
  // Glued to Latin, a digit or URL punctuation: a URL, a version, a decimal (example.com/a?b=1, 3.5), not an end.
  if (i + 1 < text.length && (next === C_LATIN || next === C_DIGIT || URL_GLUE.has(nextCode))) return false;
  if (text.charCodeAt(i) !== DOT) return true;
  if (text.charCodeAt(i + 1) === DOT) return true; // an ellipsis written as dots
  return !isAbbreviation(text, i);
}

/** The word before the `.` at `dot` is a single letter (د. / U.) or a known Latin abbreviation. */
function isAbbreviation(text: string, dot: number): boolean {
  const cls = charClasses();
  let a = dot;
  while (a > 0) {
    const k = cls[text.charCodeAt(a - 1)];
    if (k === C_ARABIC || k === C_LATIN || k === C_LETTER || k === C_MARK) a--;
    else break;
  }
  const word = text.slice(a, dot);
  if (word.length === 0) return false;
  if (word.length === 1) return true;
  if (cls[text.charCodeAt(a)] !== C_LATIN) return false;
  return LATIN_ABBREVIATIONS.has(word.toLowerCase());
}
