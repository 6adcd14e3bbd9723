/**
 * Grammar primitives shared by the date rules: a month name (any system, paired forms), a day of the month, a
 * year phrase, a weekday. Each reads at token i and returns what it read with the index after it, or null.
 */
import { readNumber, readOrdinal } from "../text/numerals.js";
import {
  EN_MONTHS,
  HIJRI_MONTHS,
  HIJRI_TWO_WORD,
  MONTHS,
  TWO_WORD_MONTHS,
  WEAK_MONTHS,
  WEEKDAYS,
  WEEKDAYS_BARE,
} from "./lexicon.js";
import { bases, glued, lookup, type Token } from "../text/tokens.js";

export interface Read<V> {
  v: V;
  end: number;
}

export function w(toks: readonly Token[], i: number): string {
  const t = toks[i];
  return t !== undefined && t.k === "w" ? t.f : "";
}

export function p(toks: readonly Token[], i: number): string {
  const t = toks[i];
  return t !== undefined && t.k === "p" ? t.f : "";
}

/** The token at i is one of the words in `set` (clitics allowed). */
export function isAny(toks: readonly Token[], i: number, set: ReadonlySet<string>): boolean {
  const f = w(toks, i);
  if (f === "") return false;
  if (set.has(f)) return true;
  const c = f.charCodeAt(0);
  // و ف ب ل ك: only these can start a clitic, so most words stop here (as in `lookup`).
  if (c !== 0x0648 && c !== 0x0641 && c !== 0x0628 && c !== 0x0644 && c !== 0x0643) return false;
  for (const b of bases(f)) if (set.has(b)) return true;
  return false;
}

export function skipPunct(toks: readonly Token[], i: number, marks = ",،-–"): number {
  let j = i;
  while (toks[j]?.k === "p" && marks.includes(toks[j]?.f ?? "\u0000")) j++;
  return j;
}

/** `شهر` before a month name, with its prepositions. */
const MONTH_WORD = new Set(["شهر", "بشهر", "لشهر"]);

interface Month {
  m: number;
  weak: boolean;
}

/** One month name, Gregorian in any system (one or two words). */
function monthName(toks: readonly Token[], i: number): Read<Month> | null {
  const f = w(toks, i);
  if (f === "") return null;
  const one = lookup(MONTHS, f);
  if (one !== undefined) return { v: { m: one, weak: WEAK_MONTHS.has(f) }, end: i + 1 };
  for (const b of bases(f)) {
    const second = TWO_WORD_MONTHS.get(b);
    const m = second?.get(w(toks, i + 1));
    if (m !== undefined) return { v: { m, weak: false }, end: i + 2 };
  }
  return null;
}

/**
 * A month: a name, or a pair of names for the same month (يناير/كانون الثاني، آب/ أغسطس، يونيو (حزيران)), or
 * `شهر` + name. A pair settles a weak name (آب). Different months in a pair keep the first.
 */
export function month(toks: readonly Token[], i: number): Read<Month> | null {
  let j = i;
  if (MONTH_WORD.has(w(toks, j))) j++;
  const first = monthName(toks, j);
  if (!first) return j > i ? monthNumber(toks, j) : null;
  let end = first.end;
  let weak = first.v.weak && j === i;
  const sep = p(toks, end);
  if (sep === "/" || sep === "(" || sep === "-") {
    const second = monthName(toks, end + 1);
    if (second && second.v.m === first.v.m) {
      end = second.end;
      weak = false;
      if (sep === "(" && p(toks, end) === ")") end++;
    }
  }
  return { v: { m: first.v.m, weak }, end };
}

/** `شهر 10` / `شهر عشرة` (already past the word شهر), as the spoken numeric month. */
function monthNumber(toks: readonly Token[], i: number): Read<Month> | null {
  const n = readNumber(toks, i);
  if (!n || !Number.isInteger(n.value) || n.value < 1 || n.value > 12) return null;
  return { v: { m: n.value, weak: false }, end: n.end };
}

/** A Hijri month name (one or two words), after `شهر` or not. */
export function hijriMonth(toks: readonly Token[], i: number): Read<number> | null {
  let j = i;
  if (MONTH_WORD.has(w(toks, j))) j++;
  const f = w(toks, j);
  if (f === "") return null;
  const one = lookup(HIJRI_MONTHS, f);
  if (one !== undefined) return { v: one, end: j + 1 };
  for (const b of bases(f)) {
    const m = HIJRI_TWO_WORD.get(b)?.get(w(toks, j + 1));
    if (m !== undefined) return { v: m, end: j + 2 };
  }
  return null;
}

export function enMonth(toks: readonly Token[], i: number): Read<number> | null {
  const m = EN_MONTHS.get(w(toks, i));
  if (m === undefined) return null;
  return { v: m, end: p(toks, i + 1) === "." ? i + 2 : i + 1 };
}

/** A day of the month: 1–31 in digits (not a decimal, at most two digits) or an ordinal/cardinal in words. */
export function day(toks: readonly Token[], i: number): Read<number> | null {
  const t = toks[i];
  if (t === undefined) return null;
  if (t.k === "n") {
    if (t.frac || (t.int ?? 0) > 2 || t.v === undefined || t.v < 1 || t.v > 31) return null;
    if (p(toks, i + 1) === "." && toks[i + 2]?.k === "n" && glued(toks, i + 2)) return null;
    return { v: t.v, end: i + 1 };
  }
  const o = readOrdinal(toks, i) ?? readNumber(toks, i);
  if (!o || !Number.isInteger(o.value) || o.value < 1 || o.value > 31) return null;
  return { v: o.value, end: o.end };
}

const YEAR_WORDS = new Set(["عام", "عامي", "سنه", "لعام", "لسنه", "بعام", "بسنه", "العام", "السنه"]);
const ERA = new Set(["م", "ميلادي", "ميلاديه", "للميلاد"]);
const HIJRI_ERA = new Set(["ه", "هـ", "هجري", "هجريه", "للهجره"]);

export interface Year {
  y: number;
  hijri: boolean;
}

/** A year: `2014`, `عام 2014`, `من عام 2014`, `في سنة 2014`, `2014م`, `1437 هـ`. Four digits only. */
export function year(toks: readonly Token[], i: number): Read<Year> | null {
  let j = skipPunct(toks, i, ",،");
  const f = w(toks, j);
  if ((f === "من" || f === "في") && YEAR_WORDS.has(w(toks, j + 1))) j += 2;
  else if (YEAR_WORDS.has(f)) j++;
  const t = toks[j];
  if (t === undefined || t.k !== "n" || t.frac || t.int !== 4 || t.v === undefined) return null;
  let end = j + 1;
  let hijri = false;
  const era = w(toks, end);
  if (ERA.has(era)) end++;
  else if (HIJRI_ERA.has(era)) {
    hijri = true;
    end++;
  }
  if (!hijri && t.v >= 1300 && t.v <= 1500) hijri = true;
  return { v: { y: t.v, hijri }, end };
}

/** A weekday name with the article (الخميس، والجمعة، بالأحد), optionally after يوم. */
export function weekdayAt(toks: readonly Token[], i: number): Read<number> | null {
  let j = i;
  const f = w(toks, j);
  if (f === "يوم" || f === "ويوم" || f === "بيوم" || f === "اليوم" || f === "ليوم") {
    const bare = WEEKDAYS_BARE.get(w(toks, j + 1));
    if (bare !== undefined) return { v: bare, end: j + 2 };
    if (f === "اليوم") return null; // اليوم الخميس is "today, Thursday": a relative rule
    j++;
  }
  const wd = lookup(WEEKDAYS, w(toks, j));
  return wd === undefined ? null : { v: wd, end: j + 1 };
}
