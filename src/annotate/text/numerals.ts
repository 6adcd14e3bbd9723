/**
 * Reading numbers from tokens: digits (ASCII, Arabic-Indic, Persian; `٫` decimal, `٬` thousands), digits with a
 * scale word (5.8 مليارات), number words joined the Arabic way (خمسمائة وخمسة وعشرون = 500 + 5 + 20), the spoken
 * forms (متين تلاتة وستين), decimals said in words (واحد فاصلة واحد), and ordinals (الخامس والعشرون).
 *
 * Words accumulate like this (cur is the group below the current scale):
 *
 *   ثلاثة  آلاف  و  خمسمائة  و  عشرون
 *   cur=3 → total=3000, cur=0 → cur=500 → cur=520            value = total + cur = 3520
 */
import { lookup, tokenize, type Token } from "./tokens.js";
import { FRACTIONS, NUMBER_WORDS, ORDINALS, type NumClass, type NumWord } from "./number-words.js";

export interface NumMatch {
  value: number;
  /** Index of the first token after the number. */
  end: number;
  /** Whether any part was written in words. */
  words: boolean;
}

function isWord(t: Token | undefined, f: string): boolean {
  return t !== undefined && t.k === "w" && t.f === f;
}

/** The number word at `t`, and whether it carried a leading conjunction و. */
function numWord(t: Token | undefined, first: boolean): { w: NumWord; conj: boolean } | null {
  if (t === undefined || t.k !== "w") return null;
  const direct = NUMBER_WORDS.get(t.f);
  if (direct) return { w: direct, conj: false };
  if (t.f.startsWith("و")) {
    const w = NUMBER_WORDS.get(t.f.slice(1));
    if (w) return { w, conj: true };
  }
  if (first) {
    const w = lookup(NUMBER_WORDS, t.f);
    if (w) return { w, conj: false };
  }
  return null;
}

function joins(last: NumClass, next: NumClass, conj: boolean, smallerScale: boolean): boolean {
  // مليار ومليون (1,001,000,000): a smaller scale after و starts a new group.
  if (next === "scale") return last !== "scale" || (conj && smallerScale);
  if (conj) {
    // ستة وعشرون (unit then tens), خمسمائة وخمسة (a smaller group after hundreds or a scale).
    if (last === "unit" || last === "teen") return next === "tens";
    return last === "hundred" || last === "scale";
  }
  if (last === "unit" && next === "ten") return true; // ثلاثة عشر
  // Spoken forms drop the و after hundreds and scales: متين تلاتة وستين.
  return (last === "hundred" || last === "scale") && next !== "hundred";
}

/** Reads number words from token i. */
function readWords(toks: readonly Token[], i: number): NumMatch | null {
  let total = 0;
  let cur = 0;
  let last: NumClass | null = null;
  let lastScale = Infinity;
  let j = i;
  let end = i;
  for (;;) {
    let conj = false;
    let k = j;
    if (last !== null && isWord(toks[k], "و")) {
      conj = true;
      k++;
    }
    const got = numWord(toks[k], last === null);
    if (!got) break;
    conj = conj || got.conj;
    const { w } = got;
    if (last === null) {
      // احد/احدي alone is "one of" (أحد المسؤولين), not a figure; it counts only inside a teen (احد عشر).
      if ((toks[k]?.f === "احد" || toks[k]?.f === "احدي") && NUMBER_WORDS.get(toks[k + 1]?.f ?? "")?.cls !== "ten")
        break;
    } else if (!joins(last, w.cls, conj, w.value < lastScale)) break;
    if (w.cls === "scale") {
      total += (cur || 1) * w.value;
      cur = 0;
      lastScale = w.value;
    } else if (w.cls === "hundred" && w.value === 100 && cur > 0 && cur < 10) cur *= 100;
    else cur += w.value;
    last = w.cls;
    j = k + 1;
    end = j;
  }
  if (last === null) return null;
  return { value: total + cur, end, words: true };
}

/** Decimal digits after فاصلة: `1 فاصلة 25` → 0.25. */
function decimalPart(toks: readonly Token[], i: number): { frac: number; end: number } | null {
  if (!isWord(toks[i], "فاصله")) return null;
  const t = toks[i + 1];
  if (t?.k === "n" && !t.frac) return { frac: Number("0." + t.f), end: i + 2 };
  const w = readWords(toks, i + 1);
  if (w && Number.isInteger(w.value)) return { frac: Number("0." + String(w.value)), end: w.end };
  return null;
}

/** A scale word after a digit number: 3 ملايين، 5.8 مليارات، 100 ألف. */
function scaleAfter(toks: readonly Token[], i: number): { mul: number; end: number } | null {
  const t = toks[i];
  if (t === undefined || t.k !== "w") return null;
  const w = NUMBER_WORDS.get(t.f);
  if (!w || w.cls !== "scale") return null;
  // Duals (ألفين) already count two; after a digit only the singular or plural counts as a multiplier.
  const mul = w.value === 2000 ? 1000 : w.value === 2e6 ? 1e6 : w.value === 2e9 ? 1e9 : w.value;
  return { mul, end: i + 1 };
}

/**
 * Reads the number starting at token i, or null. Digits may carry a sign or a leading decimal point (`-1.2`,
 * `.77`, `٫٧٧`), a decimal in words (`فاصلة`) and a scale word; words are read as described above.
 */
export function readNumber(toks: readonly Token[], i: number): NumMatch | null {
  const t = toks[i];
  if (t === undefined) return null;
  if (t.k === "w") {
    const w = readWords(toks, i);
    if (!w) return null;
    const d = decimalPart(toks, w.end);
    return d ? { value: w.value + d.frac, end: d.end, words: true } : w;
  }
  let sign = 1;
  let j = i;
  let lead = "";
  if (t.k === "p" && (t.f === "-" || t.f === "\u2212") && toks[i + 1]?.k === "n" && toks[i + 1]?.start === t.end) {
    const prev = toks[i - 1];
    if (prev !== undefined && prev.end === t.start && prev.k !== "p") return null; // a range: 13-15
    sign = -1;
    j++;
  }
  const p = toks[j];
  if (p?.k === "p" && (p.f === "." || p.f === "\u066B") && toks[j + 1]?.k === "n" && toks[j + 1]?.start === p.end) {
    lead = "0.";
    j++;
  }
  const n = toks[j];
  if (n === undefined || n.k !== "n" || n.v === undefined) return null;
  let value = lead ? Number(lead + n.f) : n.v;
  let end = j + 1;
  const d = lead ? null : decimalPart(toks, end);
  if (d) {
    value += d.frac;
    end = d.end;
  }
  const s = scaleAfter(toks, end);
  if (s) {
    value *= s.mul;
    end = s.end;
  }
  return { value: sign * round(value), end, words: s !== null || d !== null };
}

/**
 * Rounds away binary noise (5.8 × 1e9 = 5799999999.999999, 16.1 × 1e9 = 16100000000.000002): six decimals, and
 * fifteen significant digits, which is all a double holds exactly (x × 1e6 is no longer exact above ~9e9).
 */
export function round(x: number): number {
  return Number((Math.round(x * 1e6) / 1e6).toPrecision(15));
}

/** Reads an ordinal at token i: الأول، الحادي عشر، الخامس والعشرون، ثالث. */
export function readOrdinal(toks: readonly Token[], i: number): NumMatch | null {
  const t = toks[i];
  if (t === undefined || t.k !== "w") return null;
  const bare = t.f.startsWith("ال") ? t.f.slice(2) : t.f;
  const unit = ORDINALS.get(bare);
  if (unit === undefined) {
    const w = NUMBER_WORDS.get(bare);
    return w && w.cls === "tens" && bare !== t.f ? { value: w.value, end: i + 1, words: true } : null;
  }
  const next = toks[i + 1];
  const nf = next?.f ?? "";
  const nb = nf.replace(/^و?(ال)?/, "");
  if (next?.k === "w" && NUMBER_WORDS.get(nb)?.cls === "ten" && !nf.startsWith("و"))
    return { value: unit + 10, end: i + 2, words: true };
  // والعشرون / و العشرين
  let k = i + 1;
  if (isWord(toks[k], "و")) k++;
  const tf = toks[k]?.f ?? "";
  const tens = NUMBER_WORDS.get(tf.replace(/^و?(ال)?/, ""));
  if (tens?.cls === "tens" && (k > i + 1 || tf.startsWith("و")))
    return { value: unit + tens.value, end: k + 1, words: true };
  return { value: unit, end: i + 1, words: true };
}

/**
 * Parses a whole string as one number (Duckling's numeral dimension): what `readNumber` reads, plus fractions
 * written with a slash (`٧٧/١٠٠` = 0.77). Null unless the number covers the whole string.
 */
export function parseNumeral(text: string): number | null {
  const toks = tokenize(text.trim());
  if (toks.length === 0) return null;
  const frac = fraction(toks);
  if (frac !== null) return frac;
  const m = readNumber(toks, 0);
  if (m && m.end === toks.length) return m.value;
  // A fraction word alone or after a whole: نصف، ثلاثة ونصف.
  return null;
}

function fraction(toks: readonly Token[]): number | null {
  let i = 0;
  let sign = 1;
  if (toks[0]?.f === "-") {
    sign = -1;
    i = 1;
  }
  const a = toks[i];
  const slash = toks[i + 1];
  const b = toks[i + 2];
  if (toks.length !== i + 3 || a?.k !== "n" || slash?.f !== "/" || b?.k !== "n" || !b.v) return null;
  return sign * round((a.v ?? 0) / b.v);
}

export { FRACTIONS };
