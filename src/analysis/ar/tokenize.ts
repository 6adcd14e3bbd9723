import {
  charClasses,
  astralClass,
  C_OTHER,
  C_ARABIC,
  C_DIGIT,
  C_HIGH,
  C_JOINER,
  C_LATIN,
  C_LETTER,
  C_MARK,
} from "./chars.js";

/**
 * Tokens with offsets into the source: `text.slice(token.start, token.end) === token.text`, always.
 *
 * - `arabic`: a run of Arabic-script letters and marks, clitics included (والولايات is one token; the stemmer and
 *   the analysers decide what its parts are). Harakat, tatweel and ZWNJ/ZWJ inside a word never split it.
 * - `latin`: Latin letters, with ASCII digits and an inner apostrophe (G20, O'Neill).
 * - `word`: letters of any other script.
 * - `number`: digits of any script, with inner decimal or group separators `.` `٫` `,` `٬` (3.5, ٣٫٥, 1,000,000).
 * - `percent`: a number with `%` or `٪` after it (a space between is allowed): the sign is part of the token.
 * - `url`, `hashtag` (#وسم_طويل), `mention` (@user).
 * Everything else (punctuation, symbols, spaces, lone surrogates, controls) is skipped. Never throws, linear time.
 */
export type TokenKind = "arabic" | "latin" | "word" | "number" | "percent" | "url" | "hashtag" | "mention";

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

const PERCENT = 0x25;
const ARABIC_PERCENT = 0x066a;
const HASH = 0x23;
const AT = 0x40;
const UNDERSCORE = 0x5f;
const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const SPACE = 0x20;

/** A URL ends at a space or at one of these; trailing sentence punctuation is then given back. */
const URL_STOP = /[\s<>"«»“”]/u;
const URL_TRAILING = /[.,;:!?)\]}'،؛؟]+$/u;
const URL_START = /^(?:https?:\/\/|www\.)/iu;

/** Splits `text` into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (start, end, kind) => {
    tokens.push({ text: text.slice(start, end), start, end, kind });
  });
  return tokens;
}

/** The allocation-free core: calls `emit` with each token's span and kind, in order. */
export function forEachToken(text: string, emit: (start: number, end: number, kind: TokenKind) => void): void {
  const cls = charClasses();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    let k = cls[code]!;
    if (k === C_HIGH) k = astralClass(text, i);
    if (k === C_ARABIC) {
      const end = scanWord(text, i, true);
      emit(i, end, "arabic");
      i = end;
    } else if (k === C_LATIN || k === C_LETTER) {
      if ((code === 0x68 || code === 0x77 || code === 0x48 || code === 0x57) && URL_START.test(text.slice(i, i + 8))) {
        const end = scanUrl(text, i);
        emit(i, end, "url");
        i = end;
        continue;
      }
      const end = scanWord(text, i, false);
      emit(i, end, k === C_LATIN ? "latin" : "word");
      i = end;
    } else if (k === C_DIGIT) {
      i = scanNumber(text, i, emit);
    } else if (
      (code === HASH || code === AT) &&
      i + 1 < n &&
      isTagChar(text, i + 1, cls) &&
      !afterWordChar(text, i, cls)
    ) {
      let end = i + 1;
      while (end < n && isTagChar(text, end, cls))
        end += text.charCodeAt(end) >= 0xd800 && text.charCodeAt(end) <= 0xdbff ? 2 : 1;
      emit(i, end, code === HASH ? "hashtag" : "mention");
      i = end;
    } else {
      i += k === C_OTHER || code < 0xd800 || code > 0xdbff ? 1 : 2;
    }
  }
}

/** The end of the word starting at `i`: letters of the same script family, marks, joiners (and digits in Latin). */
function scanWord(text: string, i: number, arabic: boolean): number {
  const cls = charClasses();
  const n = text.length;
  let j = i;
  while (j < n) {
    const code = text.charCodeAt(j);
    let k = cls[code]!;
    let width = 1;
    if (k === C_HIGH) {
      k = astralClass(text, j);
      width = k === 0 ? 1 : 2;
    }
    if (k === C_MARK || k === C_JOINER) {
      j += width;
      continue;
    }
    if (arabic ? k === C_ARABIC : k === C_LATIN || k === C_LETTER || (k === C_DIGIT && code < 0x80)) {
      j += width;
      continue;
    }
    // O'Neill, don't: an apostrophe between two Latin letters stays inside.
    if (
      !arabic &&
      (code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE) &&
      j + 1 < n &&
      cls[text.charCodeAt(j + 1)] === C_LATIN
    ) {
      j += 1;
      continue;
    }
    break;
  }
  return j;
}

function isSeparator(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x066b || code === 0x066c;
}

function scanNumber(text: string, i: number, emit: (start: number, end: number, kind: TokenKind) => void): number {
  const cls = charClasses();
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const code = text.charCodeAt(j);
    if (cls[code] === C_DIGIT) j++;
    else if (isSeparator(code) && j + 1 < n && cls[text.charCodeAt(j + 1)] === C_DIGIT) j += 2;
    else break;
  }
  let end = j;
  let kind: TokenKind = "number";
  const next = text.charCodeAt(j);
  if (next === PERCENT || next === ARABIC_PERCENT) {
    end = j + 1;
    kind = "percent";
  } else if (next === SPACE && (text.charCodeAt(j + 1) === PERCENT || text.charCodeAt(j + 1) === ARABIC_PERCENT)) {
    end = j + 2;
    kind = "percent";
  }
  emit(i, end, kind);
  return end;
}

function scanUrl(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n && !URL_STOP.test(text[j]!)) j++;
  const m = URL_TRAILING.exec(text.slice(i, j));
  return m === null ? j : j - m[0].length;
}

function isTagChar(text: string, i: number, cls: Uint8Array): boolean {
  const code = text.charCodeAt(i);
  if (code === UNDERSCORE) return true;
  let k = cls[code]!;
  if (k === C_HIGH) k = astralClass(text, i);
  return k === C_ARABIC || k === C_LATIN || k === C_LETTER || k === C_MARK || k === C_DIGIT || k === C_JOINER;
}

/** `a#b`, `user@example.com`: a sign glued to a word is not a tag or a mention. */
function afterWordChar(text: string, i: number, cls: Uint8Array): boolean {
  if (i === 0) return false;
  const k = cls[text.charCodeAt(i - 1)]!;
  return k === C_ARABIC || k === C_LATIN || k === C_LETTER || k === C_DIGIT || k === C_MARK;
}
