/**
 * Character classes for the tokeniser and the sentence splitter, from Unicode properties (never letter ranges).
 * One Uint8Array over the BMP, filled once at first use from `\p{…}` regexes, so the hot loops do a table lookup per
 * code unit instead of a regex test. Astral code points (surrogate pairs) go through the regexes directly.
 */

export const C_OTHER = 0; // punctuation, symbols, controls
export const C_SPACE = 1; // \s
export const C_ARABIC = 2; // a letter of the Arabic script (tatweel included: it is \p{Lm})
export const C_LATIN = 3; // a letter of the Latin script
export const C_LETTER = 4; // a letter of another script
export const C_MARK = 5; // \p{M}: harakat and other combining marks, which belong to the letter before them
export const C_DIGIT = 6; // \p{Nd} in any script (ASCII, Arabic-Indic, Persian…)
export const C_JOINER = 7; // ZWNJ, ZWJ: inside a word, never a break
export const C_HIGH = 8; // a high surrogate: look at the whole code point

const RE_SPACE = /\s/u;
const RE_MARK = /\p{M}/u;
const RE_DIGIT = /\p{Nd}/u;
const RE_ARABIC = /\p{Script=Arabic}/u;
const RE_LATIN = /\p{Script=Latin}/u;
const RE_LETTER = /\p{L}/u;

function classify(ch: string): number {
  if (RE_SPACE.test(ch)) return C_SPACE;
  if (RE_MARK.test(ch)) return C_MARK;
  if (RE_DIGIT.test(ch)) return C_DIGIT;
  if (RE_LETTER.test(ch)) {
    if (RE_ARABIC.test(ch)) return C_ARABIC;
    if (RE_LATIN.test(ch)) return C_LATIN;
    return C_LETTER;
  }
  return C_OTHER;
}

let table: Uint8Array | undefined;

/** The class of every BMP code unit. Built on first call (about 20 ms), then shared. */
export function charClasses(): Uint8Array {
  if (table !== undefined) return table;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = c <= 0xdbff ? C_HIGH : C_OTHER; // a lone low surrogate is noise
      continue;
    }
    t[c] = classify(String.fromCharCode(c));
  }
  t[0x0640] = C_ARABIC; // tatweel is Script=Common (shared with Syriac…), but only ever stretches Arabic words
  t[0x200c] = C_JOINER;
  t[0x200d] = C_JOINER;
  table = t;
  return t;
}

/** The class of the code point at `i` when `text[i]` is a high surrogate (a lone one is C_OTHER). */
export function astralClass(text: string, i: number): number {
  const cp = text.codePointAt(i) ?? 0;
  if (cp < 0x10000) return C_OTHER;
  return classify(String.fromCodePoint(cp));
}
