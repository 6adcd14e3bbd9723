/**
 * Reading a currency at a token: an Arabic noun with its qualifier (دنانير أردنية → JOD), an Arabic abbreviation
 * written with dots (د.ك. → KWD), an ISO code in capitals (KWD) or a symbol (€). The tables are in currencies.ts.
 */
import { lookup, type Token } from "../text/tokens.js";
import {
  CURRENCY_ABBREVIATIONS,
  CURRENCY_CODES,
  CURRENCY_NOUNS,
  CURRENCY_SYMBOLS,
  abbrKey,
  type CurrencyNoun,
} from "./currencies.js";

export interface CurrencyHit {
  unit: string;
  end: number;
  /** Token index of the currency word. */
  at: number;
}

function nounAt(t: Token | undefined): CurrencyNoun | undefined {
  return t === undefined || t.k !== "w" ? undefined : lookup(CURRENCY_NOUNS, t.f);
}

/** The code a noun at i names with the qualifier after it, and where it ends; null when it names none. */
function qualified(toks: readonly Token[], i: number, noun: CurrencyNoun): { code: string; end: number } | null {
  for (const [words, code] of noun.qualified) {
    if (words.every((w, k) => toks[i + 1 + k]?.k === "w" && toks[i + 1 + k]!.f === w))
      return { code, end: i + 1 + words.length };
  }
  return noun.bare === undefined ? null : { code: noun.bare, end: i + 1 };
}

/** An ISO 4217 code written in capitals at i (KWD, USD), or undefined. */
export function codeAt(toks: readonly Token[], i: number): string | undefined {
  const t = toks[i];
  return t !== undefined && t.k === "w" && t.s.length === 3 && CURRENCY_CODES.has(t.s) ? t.s : undefined;
}

/** An abbreviation of letters and dots glued together from i (د.ك. ج.م ر.س.), longest first. */
function abbreviationAt(toks: readonly Token[], i: number): CurrencyHit | null {
  const t = toks[i];
  if (t === undefined || t.k !== "w" || t.f.length > 2) return null;
  let text = t.s;
  let best: CurrencyHit | null = null;
  for (let j = i + 1; j < i + 6 && toks[j] !== undefined && toks[j]!.start === toks[j - 1]!.end; j++) {
    const n = toks[j]!;
    if (n.k === "n" || (n.k === "w" && n.f.length > 2)) break;
    text += n.s;
    const code = CURRENCY_ABBREVIATIONS.get(abbrKey(text));
    if (code !== undefined && abbrKey(text).length >= 2) best = { unit: code, end: j + 1, at: i };
  }
  return best;
}

/** The currency at token i, or null. */
export function currencyAt(toks: readonly Token[], i: number): CurrencyHit | null {
  const t = toks[i];
  if (t === undefined) return null;
  if (t.k === "p") {
    const s = CURRENCY_SYMBOLS.get(t.f);
    return s === undefined ? null : { unit: s, end: i + 1, at: i };
  }
  if (t.k !== "w") return null;
  const code = codeAt(toks, i);
  if (code !== undefined) return { unit: code, end: i + 1, at: i };
  const abbr = abbreviationAt(toks, i);
  if (abbr) return abbr;
  const noun = nounAt(t);
  if (!noun) return null;
  const q = qualified(toks, i, noun);
  return q ? { unit: q.code, end: q.end, at: i } : null;
}

/** A dual currency noun alone counts two of it (ديناران، ليرتين): its code, or undefined. */
export function currencyDual(toks: readonly Token[], i: number): string | undefined {
  const noun = nounAt(toks[i]);
  if (!noun || noun.count !== 2 || !noun.common) return undefined;
  return qualified(toks, i, noun)?.code;
}
