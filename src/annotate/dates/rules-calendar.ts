/**
 * Calendar-relative expressions: the n-th weekday, day or week of a month (أول ثلاثاء من أكتوبر، آخر أسبوع في
 * سبتمبر 2014، الاثنين الأخير من الشهر القادم) and named holidays, Hijri and Gregorian (عيد الفطر، رمضان 2019،
 * عيد الفصح).
 */
import type { HolidayName, Parsed, TimeExpr } from "./expr.js";
import { WEEKDAYS, WEEKDAYS_BARE } from "./lexicon.js";
import { month, w, year } from "./parts.js";
import { unitDirection } from "./rules-relative.js";
import { bases, lookup, type Token } from "../text/tokens.js";
import { readOrdinal } from "../text/numerals.js";

const HEAD: ReadonlyMap<string, number> = new Map([
  ["اول", 1],
  ["ثاني", 2],
  ["ثان", 2],
  ["ثالث", 3],
  ["رابع", 4],
  ["خامس", 5],
  ["اخر", -1],
]);
const TAIL: ReadonlyMap<string, number> = new Map([
  ["الاول", 1],
  ["الاولي", 1],
  ["الثاني", 2],
  ["الثانيه", 2],
  ["الثالث", 3],
  ["الثالثه", 3],
  ["الرابع", 4],
  ["الرابعه", 4],
  ["الخامس", 5],
  ["الخامسه", 5],
  ["الاخير", -1],
  ["الاخيره", -1],
]);

/** What the n-th is taken of: a month (with its year), `الشهر التاسع`, `الشهر القادم`, `هذا الشهر`. */
function ofMonth(toks: readonly Token[], i: number): Parsed | null {
  let j = i;
  if (w(toks, j) === "من" || w(toks, j) === "في") j++;
  const m = month(toks, j);
  if (m) {
    const y = year(toks, m.end);
    const e: TimeExpr = y && !y.v.hijri ? { t: "date", y: y.v.y, m: m.v.m } : { t: "date", m: m.v.m };
    return { expr: e, end: y && !y.v.hijri ? y.end : m.end };
  }
  if (w(toks, j) === "الشهر") {
    const o = readOrdinal(toks, j + 1);
    if (o && o.value >= 1 && o.value <= 12) {
      const y = year(toks, o.end);
      const e: TimeExpr = y ? { t: "date", y: y.v.y, m: o.value } : { t: "date", m: o.value };
      return { expr: e, end: y ? y.end : o.end };
    }
  }
  const rel = unitDirection(toks, j);
  return rel && rel.expr.t === "shift" && rel.expr.unit === "month" ? rel : null;
}

/** `أول ثلاثاء من …`, `ثالث يوم ثلاثاء ب…`, `آخر أسبوع في …`, `الثلاثاء الأولى من …`, `الأسبوع الأول من …`. */
export function nthOf(toks: readonly Token[], i: number): Parsed | null {
  const head = HEAD.get(w(toks, i));
  let n: number | undefined;
  let what: "day" | "week" | { wd: number } | undefined;
  let j = i + 1;
  if (head !== undefined) {
    n = head;
    if (w(toks, j) === "يوم" && (WEEKDAYS_BARE.has(w(toks, j + 1)) || WEEKDAYS.has(w(toks, j + 1)))) j++;
    const wd = WEEKDAYS_BARE.get(w(toks, j)) ?? WEEKDAYS.get(w(toks, j));
    if (wd !== undefined) what = { wd };
    else if (w(toks, j) === "اسبوع") what = "week";
    else if (w(toks, j) === "يوم") what = "day";
    j++;
  } else {
    const f = w(toks, i);
    const wd = WEEKDAYS.get(f) ?? WEEKDAYS_BARE.get(f);
    if (wd !== undefined) what = { wd };
    else if (f === "الاسبوع") what = "week";
    else if (f === "اليوم") what = "day";
    n = TAIL.get(w(toks, j));
    j++;
  }
  if (n === undefined || what === undefined) return null;
  const of = ofMonth(toks, j);
  if (!of) return null;
  return { expr: { t: "nth", n, what, of: of.expr }, end: of.end };
}

const HOLIDAYS: Array<[string[], HolidayName]> = [
  [["عيد", "الفطر"], "fitr"],
  [["عيد", "الاضحي"], "adha"],
  [["راس", "السنه", "الهجريه"], "hijri-new-year"],
  [["شهر", "رمضان"], "ramadan"],
  [["رمضان"], "ramadan"],
  [["المولد", "النبوي"], "mawlid"],
  [["عاشوراء"], "ashura"],
  [["يوم", "عرفه"], "arafa"],
  [["عيد", "الفصح"], "easter"],
  [["عيد", "الميلاد", "المجيد"], "christmas"],
  [["عيد", "الميلاد"], "christmas"],
  [["الكريسماس"], "christmas"],
  [["راس", "السنه", "الميلاديه"], "new-year"],
  [["راس", "السنه"], "new-year"],
  [["عيد", "الحب"], "valentine"],
  [["عيد", "الام"], "mothers-day"],
  [["عيد", "العمال"], "labour-day"],
];

const FIRST = new Map(HOLIDAYS.map(([words]) => [words[0]!, true]));

/** A named holiday, optionally with its Gregorian year (عيد الفطر 2013). */
export function holiday(toks: readonly Token[], i: number): Parsed | null {
  const f = w(toks, i);
  const first = lookup(FIRST, f) ? bases(f).find((b) => FIRST.has(b)) : undefined;
  if (first === undefined) return null;
  for (const [words, name] of HOLIDAYS) {
    if (words[0] !== first) continue;
    if (!words.every((x, k) => k === 0 || w(toks, i + k) === x)) continue;
    const end = i + words.length;
    const y = year(toks, end);
    if (y && !y.v.hijri) return { expr: { t: "holiday", name, y: y.v.y }, end: y.end };
    return { expr: { t: "holiday", name }, end };
  }
  return null;
}
