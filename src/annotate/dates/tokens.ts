/**
 * Tokens for the date and figure grammars: words, numbers and single punctuation marks, each with its offsets into
 * the scanned string and a folded form for matching. The folding is the search-strength one of STYLE.md point 5
 * (آأإٱ→ا, ى→ي, ة→ه, no harakat or tatweel, Arabic-Indic and Persian digits → ASCII, Latin lower-cased), written as
 * one pass over the characters because this runs on every word of every article (the 2 MB/s budget).
 */

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

const ALEF = 0x0627;

/** One character's fold, or -1 to drop it. Kept as a switch: cheaper than a Map for the hot loop. */
function foldCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  switch (c) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ
      return ALEF;
    case 0x0649: // ى
    case 0x06cc: // Persian yeh
      return 0x064a;
    case 0x0629: // ة
      return 0x0647;
    case 0x06a9: // Persian kaf
      return 0x0643;
    case 0x0640: // tatweel
    case 0x200c:
    case 0x200d:
    case 0x200e:
    case 0x200f:
      return -1;
  }
  if (c >= 0x064b && c <= 0x065f) return -1; // harakat and other Arabic marks
  if (c === 0x0670) return -1; // dagger alef
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 48; // Arabic-Indic digits
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 48; // Persian digits
  if (c < 0x0100 && c >= 0xc0) return String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return c;
}

const buf = new Uint16Array(256);

/** Folds a string for matching (see the module comment). Idempotent. */
export function fold(s: string): string {
  if (s.length > buf.length) return foldLong(s);
  let n = 0;
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = foldCode(c);
    if (f !== c) changed = true;
    if (f >= 0) buf[n++] = f;
  }
  // apply accepts any array-like; a typed array avoids building an intermediate string per character.
  return changed ? String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]) : s;
}

function foldLong(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const f = foldCode(s.charCodeAt(i));
    if (f >= 0) out += String.fromCharCode(f);
  }
  return out;
}

function numberToken(s: string, start: number, end: number): Token {
  const ascii = fold(s);
  const parts = ascii.split(/[.,\u066B\u066C]/);
  const seps = ascii.match(/[.,\u066B\u066C]/g) ?? [];
  // `,` and `٬` before exactly three digits group thousands (`10,000`, `١٠٬٠٠٠`); `.` groups only when it repeats
  // (`1.000.000`); `٫` and any other separator is the decimal point.
  const dots = seps.filter((x) => x === ".").length;
  let plain = parts[0] ?? "";
  let frac = false;
  for (let i = 0; i < seps.length; i++) {
    const sep = seps[i];
    const next = parts[i + 1] ?? "";
    const grouping = next.length === 3 && !frac && (sep === "," || sep === "\u066C" || (sep === "." && dots > 1));
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
