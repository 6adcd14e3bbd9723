/**
 * Arabic normalisation in named strengths, each fold an option (STYLE.md §5).
 *
 *   display  ⊂  search  ⊂  identity
 *
 * - `display`: only what a reader cannot see or what is pure decoration (tatweel, zero-width and bidi controls, BOM,
 *   soft hyphen). Harakat and letter shapes stay.
 * - `search`: Lucene's folds (آأإ→ا, ى→ي, ة→ه, no tatweel, no harakat) and further: ٱ, dagger alef, U+0653–065F and
 *   other Quranic marks, ZWNJ/ZWJ, Persian/Urdu letters (ی ک ھ ۀ…), Arabic-Indic and Persian digits, presentation
 *   forms (U+FB50–FDFF, U+FE70–FEFF) through NFKC, Latin lower-cased.
 * - `identity`: the search folds plus hamza seats (ؤ and ئ → ء) and letter doubling collapsed (the
 *   transliteration noise of فيليب/فيلليب), for matching names and deduplication.
 *
 * The work is one charCode loop over a precompiled table per option set: no regex, no per-character allocation, and
 * the input string itself is returned when nothing changes. Normalisation changes lengths, so offsets always refer to
 * the source text: tokenise first, then normalise each token.
 */

/** Each fold, on (`true`) or off. The defaults of a strength are in STRENGTHS. */
export interface NormalizeOptions {
  /** آ أ إ → ا (Lucene). */
  alef?: boolean;
  /** ٱ (alef wasla), ٲ ٳ ٵ → ا. */
  alefWasla?: boolean;
  /** ى → ي (Lucene). */
  alefMaksura?: boolean;
  /** ة → ه (Lucene). */
  tehMarbuta?: boolean;
  /** Drop ـ (tatweel, kashida). */
  tatweel?: boolean;
  /** Drop harakat U+064B–0652 (fathatan … sukun) (Lucene). */
  harakat?: boolean;
  /** Drop dagger alef U+0670, U+0653–065F, Quranic marks U+0610–061A, U+06D6–06ED, U+08D3–08FF. */
  marks?: boolean;
  /** Drop ZWNJ / ZWJ (U+200C, U+200D). */
  joiners?: boolean;
  /** Drop invisible controls: ZWSP, LRM/RLM, bidi embeddings and isolates, word joiner, BOM, soft hyphen, ALM. */
  invisibles?: boolean;
  /** Persian and Urdu letters to Arabic: ی ې ۍ → ي, ک ڪ → ك, ھ ہ ە ۀ → ه, ۃ → ة (then ه when tehMarbuta). */
  persian?: boolean;
  /** Arabic-Indic ٠–٩ and Persian ۰–۹ → 0–9; ٫ → `.`, ٬ → `,`, ٪ → `%`. */
  digits?: boolean;
  /** NFKC over presentation forms U+FB50–FDFF and U+FE70–FEFF (ﻻ → لا, ﷺ → صلى الله عليه وسلم). */
  presentation?: boolean;
  /** Lower-case Latin (and other cased scripts). */
  lowercase?: boolean;
  /** ؤ ئ → ء: one hamza whatever its seat (identity). */
  hamzaSeats?: boolean;
  /** Runs of one letter collapse to one (identity: فيلليب = فيليب). */
  doubling?: boolean;
  /** Runs of three or more of one letter collapse to one (CAMeL Tools' remove_elongation: كتييير → كتير). */
  elongation?: boolean;
}

export type Strength = "search" | "identity" | "display";

type Folds = Required<NormalizeOptions>;

const NONE: Folds = {
  alef: false,
  alefWasla: false,
  alefMaksura: false,
  tehMarbuta: false,
  tatweel: false,
  harakat: false,
  marks: false,
  joiners: false,
  invisibles: false,
  persian: false,
  digits: false,
  presentation: false,
  lowercase: false,
  hamzaSeats: false,
  doubling: false,
  elongation: false,
};

const DISPLAY: Folds = { ...NONE, tatweel: true, joiners: true, invisibles: true };

const SEARCH: Folds = {
  ...DISPLAY,
  alef: true,
  alefWasla: true,
  alefMaksura: true,
  tehMarbuta: true,
  harakat: true,
  marks: true,
  persian: true,
  digits: true,
  presentation: true,
  lowercase: true,
  elongation: true,
};

const IDENTITY: Folds = { ...SEARCH, hamzaSeats: true, doubling: true };

export const STRENGTHS: Readonly<Record<Strength, Readonly<Folds>>> = {
  display: DISPLAY,
  search: SEARCH,
  identity: IDENTITY,
};

// Code points, named (Lucene's habit): the table below is built from these, never from literal ranges of letters.
const ALEF = 0x0627;
const ALEF_MADDA = 0x0622;
const ALEF_HAMZA_ABOVE = 0x0623;
const ALEF_HAMZA_BELOW = 0x0625;
const ALEF_WASLA = 0x0671;
const ALEF_WAVY_HAMZA_ABOVE = 0x0672;
const ALEF_WAVY_HAMZA_BELOW = 0x0673;
const HIGH_HAMZA_ALEF = 0x0675;
const ALEF_MAKSURA = 0x0649;
const YEH = 0x064a;
const TEH_MARBUTA = 0x0629;
const HEH = 0x0647;
const TATWEEL = 0x0640;
const HAMZA = 0x0621;
const WAW_HAMZA = 0x0624;
const YEH_HAMZA = 0x0626;
const KAF = 0x0643;
const FARSI_YEH = 0x06cc;
const YEH_BARREE = 0x06d2;
const E_YEH = 0x06d0; // ې
const YEH_TAIL = 0x06cd; // ۍ
const KEHEH = 0x06a9; // ک
const SWASH_KAF = 0x06aa; // ڪ
const HEH_DOACHASHMEE = 0x06be; // ھ
const HEH_GOAL = 0x06c1; // ہ
const AE = 0x06d5; // ە
const HEH_YEH_ABOVE = 0x06c0; // ۀ
const TEH_MARBUTA_GOAL = 0x06c3; // ۃ
const DAGGER_ALEF = 0x0670;
const ARABIC_PERCENT = 0x066a;
const ARABIC_DECIMAL = 0x066b;
const ARABIC_THOUSANDS = 0x066c;

/** What the table says about a code unit: keep it, drop it, or replace it by this code unit. */
const KEEP = -1;
const DROP = -2;
/** Needs a multi-unit replacement (NFKC) or a case change: handled off the fast path. */
const SLOW = -3;

const TABLE_SIZE = 0x0900;

function setRange(t: Int32Array, from: number, to: number, v: number): void {
  for (let c = from; c <= to; c++) t[c] = v;
}

/** The per-code-unit table for code units below U+0900, built once per option set. */
function buildTable(f: Folds): Int32Array {
  const t = new Int32Array(TABLE_SIZE).fill(KEEP);
  if (f.lowercase) for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  if (f.lowercase) setRange(t, 0xc0, 0x5ff, SLOW); // Latin-1 … Hebrew: other cased letters, via toLowerCase
  if (f.invisibles) t[0xad] = DROP; // soft hyphen
  if (f.invisibles) t[0x061c] = DROP; // Arabic letter mark
  if (f.alef) for (const c of [ALEF_MADDA, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW]) t[c] = ALEF;
  if (f.alefWasla)
    for (const c of [ALEF_WASLA, ALEF_WAVY_HAMZA_ABOVE, ALEF_WAVY_HAMZA_BELOW, HIGH_HAMZA_ALEF]) t[c] = ALEF;
  if (f.alefMaksura) t[ALEF_MAKSURA] = YEH;
  if (f.tehMarbuta) t[TEH_MARBUTA] = HEH;
  if (f.tatweel) t[TATWEEL] = DROP;
  if (f.harakat) setRange(t, 0x064b, 0x0652, DROP);
  if (f.marks) {
    setRange(t, 0x0610, 0x061a, DROP);
    setRange(t, 0x0653, 0x065f, DROP);
    t[DAGGER_ALEF] = DROP;
    setRange(t, 0x06d6, 0x06dc, DROP);
    setRange(t, 0x06df, 0x06e4, DROP);
    setRange(t, 0x06e7, 0x06e8, DROP);
    setRange(t, 0x06ea, 0x06ed, DROP);
    setRange(t, 0x08d3, 0x08ff, DROP);
  }
  if (f.persian) {
    for (const c of [FARSI_YEH, YEH_BARREE, E_YEH, YEH_TAIL]) t[c] = YEH;
    for (const c of [KEHEH, SWASH_KAF]) t[c] = KAF;
    for (const c of [HEH_DOACHASHMEE, HEH_GOAL, AE, HEH_YEH_ABOVE]) t[c] = HEH;
    t[TEH_MARBUTA_GOAL] = f.tehMarbuta ? HEH : TEH_MARBUTA;
  }
  if (f.digits) {
    for (let d = 0; d <= 9; d++) t[0x0660 + d] = 0x30 + d;
    for (let d = 0; d <= 9; d++) t[0x06f0 + d] = 0x30 + d;
    t[ARABIC_DECIMAL] = 0x2e;
    t[ARABIC_THOUSANDS] = 0x2c;
    t[ARABIC_PERCENT] = 0x25;
  }
  if (f.hamzaSeats) {
    // One hamza whatever its seat: مسؤول and مسئول, the two spellings of one word, meet as مسءول.
    t[WAW_HAMZA] = HAMZA;
    t[YEH_HAMZA] = HAMZA;
  }
  return t;
}

/** Code units at or above U+0900, where the table does not reach. */
function highCode(c: number, f: Folds): number {
  if (c === 0x200c || c === 0x200d) return f.joiners ? DROP : KEEP;
  if (f.invisibles && (c === 0x200b || c === 0x200e || c === 0x200f || c === 0x2060 || c === 0xfeff)) return DROP;
  if (f.invisibles && ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))) return DROP;
  if (f.presentation && ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc))) return SLOW;
  if (f.lowercase && c >= 0x1e00 && c <= 0x1fff) return SLOW; // Latin Extended Additional, Greek Extended
  if (f.lowercase && c >= 0xff21 && c <= 0xff3a) return SLOW; // fullwidth Latin capitals
  return KEEP;
}

interface Compiled {
  folds: Folds;
  table: Int32Array;
}

const compiledByStrength = new Map<Strength, Compiled>();

function compile(folds: Folds): Compiled {
  return { folds, table: buildTable(folds) };
}

function compiledFor(arg: Strength | NormalizeOptions): Compiled {
  if (typeof arg === "string") {
    let c = compiledByStrength.get(arg);
    if (c === undefined) {
      const folds = STRENGTHS[arg];
      if (folds === undefined)
        throw new TypeError(`normalize: unknown strength "${String(arg)}"; use search, identity or display`);
      c = compile(folds);
      compiledByStrength.set(arg, c);
    }
    return c;
  }
  return compile({ ...NONE, ...arg });
}

/**
 * A normaliser for one strength or option set, compiled once. Prefer this in loops over `normalize(text, options)`
 * with an options object, which compiles its table on every call.
 */
export function normalizer(arg: Strength | NormalizeOptions = "search"): (text: string) => string {
  const c = compiledFor(arg);
  return (text) => run(text, c);
}

/** Normalises `text` at a named strength (default `search`) or with explicit folds (those not named are off). */
export function normalize(text: string, arg: Strength | NormalizeOptions = "search"): string {
  return run(text, compiledFor(arg));
}

function run(text: string, c: Compiled): string {
  const { table, folds } = c;
  const n = text.length;
  let out = "";
  let from = 0; // text[from, i) is pending, unchanged
  let changed = false;
  let slow = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const act = code < TABLE_SIZE ? table[code]! : highCode(code, folds);
    if (act === KEEP) continue;
    if (act === SLOW) {
      slow = true;
      continue;
    }
    if (!changed) changed = true;
    out += text.slice(from, i);
    if (act !== DROP) out += String.fromCharCode(act);
    from = i + 1;
  }
  let result = changed ? out + text.slice(from) : text;
  if (slow) result = slowFolds(result, folds);
  if (folds.doubling) result = collapseRuns(result, 2);
  else if (folds.elongation) result = collapseRuns(result, 3);
  return result;
}

/** The rare cases: NFKC of presentation forms (whose output is folded again) and non-ASCII lower-casing. */
function slowFolds(text: string, folds: Folds): string {
  let s = text;
  if (folds.presentation) s = s.replace(PRESENTATION, (m) => m.normalize("NFKC"));
  if (folds.lowercase) s = s.toLowerCase();
  if (s === text) return text;
  // NFKC can produce letters and marks the fast table folds (ﻷ → لأ); fold them, without the slow step again.
  return run(s, compile({ ...folds, presentation: false, lowercase: false, doubling: false, elongation: false }));
}

const PRESENTATION = /[\uFB50-\uFDFF\uFE70-\uFEFC]+/gu;

/** Collapses runs of `min` or more of the same letter (not digit: 2000 stays 2000) to one. */
function collapseRuns(text: string, min: number): string {
  const n = text.length;
  let out = "";
  let from = 0;
  let i = 0;
  let changed = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    let j = i + 1;
    while (j < n && text.charCodeAt(j) === code) j++;
    if (j - i >= min && isLetterCode(code)) {
      changed = true;
      out += text.slice(from, i + 1);
      from = j;
    }
    i = j;
  }
  return changed ? out + text.slice(from) : text;
}

/** Letters only (digits and punctuation runs are meaningful: 1000, ...). Arabic block letters and Latin letters. */
function isLetterCode(c: number): boolean {
  if (c >= 0x0621 && c <= 0x064a) return c !== TATWEEL;
  if (c >= 0x0671 && c <= 0x06d3) return true;
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
