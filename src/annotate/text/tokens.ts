/**
 * Tokens for the date and figure grammars: words, numbers and single punctuation marks, each with its offsets into
 * the scanned string and a folded form for matching. The fold is the normaliser's `search` strength
 * (src/analysis/ar/normalize.ts, STYLE.md point 5: آأإٱ→ا, ى→ي, ة→ه, no harakat or tatweel, Arabic-Indic and
 * Persian digits → ASCII, Latin lower-cased…), so a lexicon written here matches what search matches.
 *
 * Why not the analysis tokenizer's Token (src/analysis/ar/tokenize.ts) or the entities' (annotate/entities/text.ts):
 * the grammars need what those drop or merge. The analysis tokenizer skips punctuation (a grammar needs `/` `:` `-`
 * of 12/3/2015 and 3:18) and keeps `G20` whole; the entities' keeps letters and digits in one word (a name such as
 * F16) and folds hamza seats. Here a number is its own token with its value, and `بـ40` is two tokens.
 */
import { normalizer } from "../../analysis/ar/normalize.js";

export type TokenKind = "w" | "n" | "p";

export interface Token {
  /** Surface text, as in the source. */
  s: string;
  /** Folded form used for matching. For numbers: the ASCII digits with `.` as the decimal point. */
  f: string;
  start: number;
  end: number;
  k: TokenKind;
  /** Numeric value of a number token. */
  v?: number;
  /** Digits before the decimal point of a number token (a year has 4, a day at most 2). */
  int?: number;
  /** Whether the number token had a decimal part. */
  frac?: boolean;
}

// Words: letters and marks (harakat, tatweel is Lm); numbers: digits with inner decimal/grouping separators
// (`.` `,` `٫` U+066B decimal, `٬` U+066C thousands); anything else that is not a space is one punctuation token.
const TOKEN = /([\p{L}\p{M}]+)|(\p{Nd}+(?:[.,\u066B\u066C]\p{Nd}+)*)|[^\s\p{L}\p{M}\p{Nd}]/gu;

const searchFold = normalizer("search");

const ALEF = 0x0627;
const YEH = 0x064a;
const HEH = 0x0647;
const SLOW = -2;

/**
 * One code unit's search fold when it is one of the common cases (ASCII, Arabic letters, harakat, tatweel,
 * Arabic-Indic digits), -1 to drop it, SLOW for anything else (then the normaliser folds the whole word).
 */
function fastCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0x0621 && c <= 0x063a) {
    if (c === 0x0622 || c === 0x0623 || c === 0x0625) return ALEF; // آ أ إ
    if (c === 0x0629) return HEH; // ة
    return c;
  }
  if (c >= 0x0641 && c <= 0x064a) return c === 0x0649 ? YEH : c; // ى
  if (c === 0x0640 || (c >= 0x064b && c <= 0x0652)) return -1; // tatweel, harakat
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 48;
  return SLOW;
}

const buf = new Uint16Array(64);

/**
 * Folds a string for matching: exactly the normaliser's `search` strength (see the module comment; a property test
 * holds them equal). Words made only of common characters take a one-pass loop, as this runs on every word of every
 * article; anything else, a run of three letters (elongation) included, goes to the normaliser. Idempotent.
 */
export function fold(s: string): string {
  if (s.length > buf.length) return searchFold(s);
  let n = 0;
  let changed = false;
  let prev = -1;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = fastCode(c);
    if (f === SLOW) return searchFold(s);
    if (f !== c) changed = true;
    if (f < 0) continue;
    run = f === prev ? run + 1 : 1;
    if (run >= 3 && f > 0x40 && !(f >= 48 && f <= 57)) return searchFold(s);
    prev = f;
    buf[n++] = f;
  }
  // apply accepts any array-like; a typed array avoids building an intermediate string per character.
  return changed ? String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]) : s;
}

function numberToken(s: string, start: number, end: number): Token {
  const ascii = fold(s);
  // The fold made `٫` a `.` and `٬` a `,`.
  const parts = ascii.split(/[.,]/);
  const seps = ascii.match(/[.,]/g) ?? [];
  // `,` before exactly three digits groups thousands (`10,000`, `١٠٬٠٠٠`); `.` groups only when it repeats
  // (`1.000.000`); otherwise a separator is the decimal point.
  const dots = seps.filter((x) => x === ".").length;
  let plain = parts[0] ?? "";
  let frac = false;
  for (let i = 0; i < seps.length; i++) {
    const sep = seps[i];
    const next = parts[i + 1] ?? "";
    const grouping = next.length === 3 && !frac && (sep === "," || (sep === "." && dots > 1));
    if (!grouping) frac = true;
    plain += grouping ? next : "." + next;
  }
  const intPart = plain.split(".")[0] ?? "";
  // Digits of scripts `fold` does not map (𑋰, ๓) and malformed groupings (`1,2001,200`) have no value: no NaN
  // may reach a figure (JSON cannot carry it).
  const v = Number(plain);
  const tok: Token = { s, f: plain, start, end, k: "n", int: intPart.length, frac };
  if (Number.isFinite(v)) tok.v = v;
  return tok;
}

/** Splits `text` into tokens with offsets (`text.slice(t.start, t.end) === t.s`). Never throws. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    if (m[1] !== undefined) out.push({ s: m[1], f: fold(m[1]), start, end: start + m[1].length, k: "w" });
    else if (m[2] !== undefined) out.push(numberToken(m[2], start, start + m[2].length));
    else out.push({ s: m[0], f: m[0], start, end: start + m[0].length, k: "p" });
  }
  return out;
}

/** True when nothing but the tokens' own characters lies between token i-1 and token i (no space). */
export function glued(toks: readonly Token[], i: number): boolean {
  const a = toks[i - 1];
  const b = toks[i];
  return a !== undefined && b !== undefined && a.end === b.start;
}

/**
 * The forms a folded word may take once its clitics are removed: the word itself, without the conjunction و/ف,
 * without a preposition ب/ل/ك, and without the article ال (also after ل, where ال becomes ل: للشهر → الشهر).
 * The lexicons are keyed by these forms; the first form found in a lexicon wins.
 */
export function bases(f: string): string[] {
  const out = [f];
  let w = f;
  if ((w.startsWith("و") || w.startsWith("ف")) && w.length > 3) {
    w = w.slice(1);
    out.push(w);
  }
  if ((w.startsWith("ب") || w.startsWith("ك")) && w.length > 3) out.push(w.slice(1));
  if (w.startsWith("لل") && w.length > 3) out.push("ا" + w.slice(1));
  else if (w.startsWith("ل") && w.length > 3) out.push(w.slice(1));
  return out;
}

/** Looks a folded word up in `lex`, trying its clitic-free forms (see `bases`). */
export function lookup<V>(lex: ReadonlyMap<string, V>, f: string): V | undefined {
  const direct = lex.get(f);
  if (direct !== undefined) return direct;
  const c = f.charCodeAt(0);
  // و ف ب ل ك: only these can start a clitic, so most words stop here.
  if (c !== 0x0648 && c !== 0x0641 && c !== 0x0628 && c !== 0x0644 && c !== 0x0643) return undefined;
  for (const b of bases(f)) {
    const v = lex.get(b);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Removes a leading ال from a folded word (after clitics), for lexicons keyed on the bare noun. */
export function stripArticle(f: string): string {
  return f.startsWith("ال") && f.length > 3 ? f.slice(2) : f;
}
