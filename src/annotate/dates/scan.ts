/**
 * Finding temporal expressions in a text: every rule is tried at each token that can start one (a trigger word or
 * a number), the longest match wins, and matches never overlap. A match may then take a time of day after it
 * (`يوم السبت 21/09 الساعة 1:30 بعد الظهر`) and become an interval with a second one (`13 إلى 15 تموز`,
 * `الخميس من الساعة التاسعة وحتى الحادية عشرة صباحا`).
 *
 * The trigger test keeps this fast: most words of a news text are looked up once in one Set and skipped.
 */
import { readNumber } from "../text/numerals.js";
import { NUMBER_WORDS, ORDINALS } from "../text/number-words.js";
import type { Parsed, TimeExpr, TimeOfDay } from "./expr.js";
import {
  DAY_PARTS,
  EN_MONTHS,
  EN_WEEKDAYS,
  HIJRI_MONTHS,
  HIJRI_TWO_WORD,
  MONTHS,
  TWO_WORD_MONTHS,
  UNITS,
  WEEKDAYS,
} from "./lexicon.js";
import { day, month, p, w, year } from "./parts.js";
import { absoluteDate, englishDate, numericDate } from "./rules-absolute.js";
import { holiday, nthOf } from "./rules-calendar.js";
import { namedWeekday, partOf, relativeDay, unitDirection, unitShift, yearOnly } from "./rules-relative.js";
import { now, timeOfDay } from "./rules-time.js";
import { bases, lookup, tokenize, type Token } from "../text/tokens.js";

type Rule = (toks: readonly Token[], i: number) => Parsed | null;

const RULES: Rule[] = [
  relativeDay,
  nthOf,
  holiday,
  absoluteDate,
  englishDate,
  (t, i) => numericDate(t, i, undefined, false),
  partOf,
  unitShift,
  unitDirection,
  namedWeekday,
  timeOfDay,
  now,
  yearOnly,
];

const EXTRA_TRIGGERS = [
  "اليوم",
  "امس",
  "الامس",
  "البارحه",
  "امبارح",
  "غدا",
  "غد",
  "الغد",
  "بكره",
  "بكرا",
  "الليله",
  "يوم",
  "اول",
  "قبل",
  "القبل",
  "بعد",
  "منذ",
  "خلال",
  "غضون",
  "من",
  "هذا",
  "هذه",
  "قرابه",
  "صباح",
  "مساء",
  "ليله",
  "فجر",
  "ظهر",
  "عصر",
  "مطلع",
  "بدايه",
  "اوائل",
  "مستهل",
  "منتصف",
  "نصف",
  "نص",
  "اواسط",
  "وسط",
  "اواخر",
  "نهايه",
  "ختام",
  "اخر",
  "في",
  "ثاني",
  "ثان",
  "ثالث",
  "رابع",
  "خامس",
  "الاسبوع",
  "عيد",
  "راس",
  "شهر",
  "رمضان",
  "المولد",
  "عاشوراء",
  "الكريسماس",
  "عام",
  "سنه",
  "العام",
  "السنه",
  "لعام",
  "بعام",
  "حتي",
  "بحلول",
  "الساعه",
  "ساعه",
  "بالساعه",
  "عند",
  "حوالي",
  "بحدود",
  "نحو",
  "حوالى",
  "تمام",
  "قبيل",
  "بعيد",
  "الان",
  "حالا",
  "الحين",
  "الشهر",
  "بين",
  "لغايه",
  "ظهيره",
  "صبيحه",
  "عشيه",
  "بشهر",
  "لشهر",
];

function buildTriggers(): Set<string> {
  const s = new Set<string>(EXTRA_TRIGGERS);
  for (const m of [MONTHS, EN_MONTHS, EN_WEEKDAYS, WEEKDAYS, DAY_PARTS]) for (const k of m.keys()) s.add(k);
  for (const k of TWO_WORD_MONTHS.keys()) s.add(k);
  for (const k of UNITS.keys()) s.add("ال" + k);
  for (const k of ["اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر", "حادي"]) {
    s.add("ال" + k);
    s.add("ال" + k + "ه");
  }
  return s;
}

const TRIGGERS = buildTriggers();

/**
 * Words that start a date only as its day of the month, when a month name follows (see `monthAhead`): every ordinal
 * (الخامس، الحادية), the tens as ordinals (العشرون) and the cardinals below a hundred (خمسة وعشرين يناير).
 */
function buildDayWords(): Map<string, true> {
  const s = new Map<string, true>();
  for (const k of ORDINALS.keys()) s.set("ال" + k, true);
  for (const [k, nw] of NUMBER_WORDS) {
    if (nw.cls === "hundred" || nw.cls === "scale") continue;
    s.set(k, true);
    if (nw.cls === "tens") s.set("ال" + k, true);
  }
  return s;
}

const DAY_WORDS = buildDayWords();

/** First words of month names in every series, Hijri too, and شهر. */
const MONTH_STARTS = new Map<string, true>(
  ["شهر", ...MONTHS.keys(), ...TWO_WORD_MONTHS.keys(), ...HIJRI_MONTHS.keys(), ...HIJRI_TWO_WORD.keys()].map((k) => [
    k,
    true,
  ]),
);

/** A month name within the few tokens after a day word (الخامس والعشرين من شهر يناير). */
function monthAhead(toks: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < i + 8 && k < toks.length; k++) {
    const t = toks[k]!;
    if (t.k === "w" && lookup(MONTH_STARTS, t.f) !== undefined) return true;
  }
  return false;
}

function dayWord(toks: readonly Token[], i: number): boolean {
  const t = toks[i]!;
  return t.k === "w" && lookup(DAY_WORDS, t.f) !== undefined && monthAhead(toks, i);
}

function triggers(t: Token): boolean {
  if (t.k !== "w") return t.k === "n" || t.f === "-" || t.f === "." || t.f === "\u066B";
  if (TRIGGERS.has(t.f)) return true;
  const c = t.f.charCodeAt(0);
  if (c !== 0x0648 && c !== 0x0641 && c !== 0x0628 && c !== 0x0644 && c !== 0x0643) return false;
  for (const b of bases(t.f)) if (TRIGGERS.has(b)) return true;
  return false;
}

/** A found expression: token span and what it says. */
export interface Match {
  expr: TimeExpr;
  /** Token indices [first, end). */
  first: number;
  end: number;
}

function longest(toks: readonly Token[], i: number): Parsed | null {
  let best: Parsed | null = null;
  for (const rule of RULES) {
    const r = rule(toks, i);
    if (r && r.end > i && (!best || r.end > best.end)) best = r;
  }
  return best;
}

const TIME_JOIN = new Set(["في", "عند", "من", "،", ","]);

/** A day-level expression followed by a time of day takes it: `الخميس الساعة 10`, `اليوم عند الثالثة عصرا`. */
function attachTime(toks: readonly Token[], hit: Parsed): Parsed {
  const e = hit.expr;
  if (e.t !== "date" && e.t !== "shift" && e.t !== "weekday") return hit;
  if (e.t === "date" && e.d === undefined) return hit;
  if (e.t === "shift" && e.unit !== "day") return hit;
  let j = hit.end;
  const f = toks[j]?.f ?? "";
  if (TIME_JOIN.has(f) && !(f === "من" && w(toks, j + 1) !== "الساعه")) j++;
  const t = timeOfDay(toks, j);
  if (!t || t.expr.t !== "time") return hit;
  return { expr: { ...e, time: t.expr.tod }, end: t.end };
}

const CONNECT = new Set(["الي", "حتي", "وحتي", "لغايه", "والي", "-", "–", "و"]);

/** The second end of a range: a full expression, or a bare day (13-15 تموز) that borrows the month of the first. */
function secondEnd(toks: readonly Token[], i: number, first: TimeExpr): Parsed | null {
  const full = longest(toks, i);
  if (full && full.expr.t !== "vague") return attachTime(toks, full);
  if (first.t === "date" && first.m === undefined && first.y !== undefined) {
    const y = year(toks, i); // بين عامي 2010 و2014، من عام 2010 إلى 2014
    if (y && !y.v.hijri) return { expr: { t: "date", y: y.v.y }, end: y.end };
  }
  if (first.t === "date" && first.m !== undefined) {
    const d = day(toks, i);
    if (d)
      return { expr: { t: "date", ...(first.y !== undefined ? { y: first.y } : {}), m: first.m, d: d.v }, end: d.end };
  }
  return null;
}

/**
 * A bare day at the start of a range (`13 إلى 15 تموز`, `من 1-8 شهر أيلول`, `بين 5 و10 مارس`, `بين الخامس والعاشر
 * من مارس`): the month comes from the second end. `و` joins the two only after بين (`opened`).
 */
function dayRange(toks: readonly Token[], i: number, opened: boolean): Parsed | null {
  const d = day(toks, i);
  if (!d) return null;
  const c = toks[d.end]?.f ?? "";
  let d2: { v: number; end: number } | null = null;
  if (CONNECT.has(c) && (c !== "و" || opened)) d2 = day(toks, d.end + 1);
  else if (opened && toks[d.end]?.k === "w" && c.startsWith("و")) d2 = gluedDay(toks, d.end);
  if (!d2) return null;
  let k = d2.end;
  if (w(toks, k) === "من") k++;
  const m = month(toks, k);
  if (!m) return null;
  const y = year(toks, m.end);
  const base = y && !y.v.hijri ? { y: y.v.y, m: m.v.m } : { m: m.v.m };
  const end = y && !y.v.hijri ? y.end : m.end;
  return { expr: { t: "interval", from: { t: "date", ...base, d: d.v }, to: { t: "date", ...base, d: d2.v } }, end };
}

/** A day in words with the conjunction glued on (`والعاشر`, `وخمسة`), read as if the و stood apart. */
function gluedDay(toks: readonly Token[], i: number): { v: number; end: number } | null {
  const t = toks[i]!;
  const tail = [{ ...t, f: t.f.slice(1) }, ...toks.slice(i + 1, i + 4)];
  const d = day(tail, 0);
  return d ? { v: d.v, end: i + d.end } : null;
}

/** Copies what one end of a range states and the other leaves open (the month, the part of day). */
function share(a: TimeExpr, b: TimeExpr): [TimeExpr, TimeExpr] {
  if (a.t === "date" && b.t === "date" && a.m === undefined && b.m !== undefined) {
    a = { ...a, m: b.m, ...(b.y !== undefined ? { y: b.y } : {}) };
  } else if (a.t === "date" && b.t === "date" && a.y === undefined && b.y !== undefined && a.m !== undefined) {
    a = { ...a, y: b.m !== undefined && a.m > b.m ? b.y - 1 : b.y }; // من يناير إلى مارس 2014; من ديسمبر إلى مارس 2014
  }
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta && tb && !ta.part && tb.part)
    a = withTod(a, { ...ta, part: tb.part, h: tb.part === "pm" && ta.h < 12 ? ta.h + 12 : ta.h });
  if (ta && b.t === "time" && a.t !== "time") b = { ...a, time: b.tod } as TimeExpr;
  return [a, b];
}

function timeOf(e: TimeExpr): TimeOfDay | undefined {
  if (e.t === "time") return e.tod;
  if (e.t === "date" || e.t === "shift" || e.t === "weekday") return e.time;
  return undefined;
}

function withTod(e: TimeExpr, tod: TimeOfDay): TimeExpr {
  if (e.t === "time") return { ...e, tod };
  if (e.t === "date" || e.t === "shift" || e.t === "weekday") return { ...e, time: tod };
  return e;
}

/** `X إلى Y`, `من X حتى Y`, `بين X و Y`. */
function range(toks: readonly Token[], hit: Parsed, opened: boolean): Parsed {
  const c = toks[hit.end]?.f ?? "";
  if (!CONNECT.has(c) || (c === "و" && !opened) || hit.expr.t === "vague") return hit;
  const second = secondEnd(toks, hit.end + 1, hit.expr);
  if (!second) return hit;
  const [a, b] = share(hit.expr, second.expr);
  return { expr: { t: "interval", from: a, to: b }, end: second.end };
}

/** One match at token i, or null. */
export function matchAt(toks: readonly Token[], i: number): Parsed | null {
  const f = w(toks, i);
  const opened = f === "من" || f === "بين";
  if ((f === "حتي" || f === "لغايه") && !opened) {
    const to = longest(toks, i + 1);
    if (to && (to.expr.t === "time" || to.expr.t === "date")) return { expr: { t: "until", to: to.expr }, end: to.end };
  }
  const start = opened ? i + 1 : i;
  const hit = dayRange(toks, start, f === "بين") ?? longest(toks, start);
  if (hit) {
    const r = range(toks, attachTime(toks, hit), opened);
    if (opened && r.expr.t !== "interval") return longest(toks, i);
    return r;
  }
  return opened ? longest(toks, i) : null;
}

/** Every temporal expression in `toks`, left to right, without overlaps. */
export function scan(toks: readonly Token[]): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!triggers(t) && !dayWord(toks, i)) continue;
    const hit = matchAt(toks, i);
    if (!hit || hit.end <= i) continue;
    if (isBareNumber(toks, i, hit)) continue;
    out.push({ expr: hit.expr, first: i, end: hit.end });
    i = hit.end - 1;
  }
  return out;
}

/** A lone number read as a clock or a day is not a date (e.g. `3` in `الساعة` would need the word). */
function isBareNumber(toks: readonly Token[], i: number, hit: Parsed): boolean {
  return hit.end === i + 1 && toks[i]?.k === "n" && hit.expr.t !== "date";
}

/** Tokenises and scans a string. */
export function scanText(text: string): { toks: Token[]; matches: Match[] } {
  const toks = tokenize(text);
  return { toks, matches: scan(toks) };
}

export { p, readNumber };
