/**
 * Dates relative to the reference: اليوم، أمس، أول أمس، غدا، بعد غد (with the weekday news adds: "أمس الاثنين",
 * "اليوم (الخميس)"), named weekdays (الجمعة الماضية), units (قبل ثلاثة أيام، منذ ساعات، خلال أسبوعين، الأسبوع
 * الماضي، الأيام الثلاثة المقبلة), parts of a period (مطلع الشهر، أواخر آذار) and bare years (عام 2014).
 */
import { readNumber } from "../text/numerals.js";
import type { Grain } from "./calendar.js";
import type { Parsed, TimeExpr } from "./expr.js";
import { DIRECTION, UNITS, WEEKDAYS, type Unit } from "./lexicon.js";
import { absoluteDate } from "./rules-absolute.js";
import { isAny, month, p, skipPunct, w, weekdayAt, year } from "./parts.js";
import { bases, lookup, stripArticle, type Token } from "../text/tokens.js";
import { NUMBER_WORDS } from "../text/number-words.js";

const DAY_WORDS: ReadonlyMap<string, number> = new Map([
  ["اليوم", 0],
  ["امس", -1],
  ["الامس", -1],
  ["البارحه", -1],
  ["امبارح", -1],
  ["غدا", 1],
  ["غد", 1],
  ["الغد", 1],
  ["بكره", 1],
  ["بكرا", 1],
  ["الليله", 0],
]);
const BEFORE = new Set(["قبل", "القبل"]);
const AFTER = new Set(["بعد"]);
const DAY_PART_PREFIX = new Set(["صباح", "مساء", "ليله", "فجر", "ظهر", "عصر", "ظهيره", "صبيحه", "عشيه"]);

/** The relative day word at i: its offset and where it ends. Handles أول أمس، أول من أمس، قبل أمس، بعد غد. */
function dayWord(toks: readonly Token[], i: number): { n: number; end: number } | null {
  const f = w(toks, i);
  if (f === "") return null;
  if (f === "اول" || f === "واول") {
    const j = w(toks, i + 1) === "من" ? i + 2 : i + 1;
    const n = DAY_WORDS.get(w(toks, j));
    return n === -1 ? { n: -2, end: j + 1 } : null;
  }
  if (BEFORE.has(f) || AFTER.has(f) || bases(f).some((b) => BEFORE.has(b) || AFTER.has(b))) {
    const n = DAY_WORDS.get(w(toks, i + 1));
    const before = BEFORE.has(f) || bases(f).some((b) => BEFORE.has(b));
    if (n === -1 && before) return { n: -2, end: i + 2 };
    if (n === 1 && !before) return { n: 2, end: i + 2 };
    return null;
  }
  const n = lookup(DAY_WORDS, f);
  return n === undefined ? null : { n, end: i + 1 };
}

/**
 * `[صباح|مساء] [يوم|اليوم [الذي]] أمس|اليوم|غدا|بعد غد [،(] [الاثنين] [)]`, or followed by a calendar date
 * (`اليوم 15 ديسمبر`), which becomes that date with the relation kept as `anchor`.
 */
export function relativeDay(toks: readonly Token[], i: number): Parsed | null {
  let j = i;
  if (isAny(toks, j, DAY_PART_PREFIX)) j++;
  const f = w(toks, j);
  if (f === "يوم" || f === "ويوم" || (f === "اليوم" && dayWord(toks, j + 1) !== null)) j++;
  else if (f === "اليوم" && /^(الذي|الي|اللي)$/.test(w(toks, j + 1)) && dayWord(toks, j + 2)) j += 2;
  const dw = dayWord(toks, j);
  if (!dw) return null;
  if (j === i && dw.n === 1 && w(toks, j) === "غد" && w(toks, j - 1) !== "بعد") return null;
  let end = dw.end;
  const k = skipPunct(toks, end, ",،(");
  const date = absoluteDate(toks, k);
  if (date && date.expr.t === "date" && date.expr.d !== undefined) {
    return { expr: { ...date.expr, anchor: dw.n }, end: closeParen(toks, date.end, k > end) };
  }
  const wd = lookup(WEEKDAYS, w(toks, k));
  const e: TimeExpr = { t: "shift", unit: "day", n: dw.n, grain: "day" };
  if (wd !== undefined) {
    e.wd = wd;
    end = closeParen(toks, k + 1, k > end);
  }
  return { expr: e, end };
}

function closeParen(toks: readonly Token[], end: number, opened: boolean): number {
  return opened && p(toks, end) === ")" ? end + 1 : end;
}

/** `[صباح|مساء…] [يوم] الجمعة [الماضية|المقبلة]`, `هذا الاثنين`. A part of the day keeps the day's grain. */
export function namedWeekday(toks: readonly Token[], i: number): Parsed | null {
  let j = i;
  if (isAny(toks, j, DAY_PART_PREFIX)) j++;
  if (w(toks, j) === "هذا" || w(toks, j) === "قرابه") j++;
  const wd = weekdayAt(toks, j);
  if (!wd) return null;
  const dir = DIRECTION.get(w(toks, wd.end));
  if (dir === 1 || dir === -1) return { expr: { t: "weekday", wd: wd.v, dir }, end: wd.end + 1 };
  return { expr: { t: "weekday", wd: wd.v, dir: null }, end: wd.end };
}

interface UnitRead {
  unit: Unit;
  n: number | null;
  end: number;
}

/** `[NUMBER] UNIT`: ثلاثة أيام، 18 شهرا، يومين (dual), أسبوع (one), ساعات (plural, no count: n null). */
function unitPhrase(toks: readonly Token[], i: number): UnitRead | null {
  const num = readNumber(toks, i);
  const j = num ? num.end : i;
  const u = lookup(UNITS, w(toks, j));
  if (!u) return null;
  if (num) return Number.isInteger(num.value) && num.value > 0 ? { unit: u.unit, n: num.value, end: j + 1 } : null;
  if (u.n !== undefined) return { unit: u.unit, n: u.n, end: j + 1 };
  const f = w(toks, j);
  const plural = bases(f).some((b) => PLURAL_UNIT.test(b));
  return { unit: u.unit, n: plural ? null : 1, end: j + 1 };
}

/** The grain a shift by whole units is told in: days for days and weeks, else the unit itself. */
function grainOf(unit: Unit): Grain {
  if (unit === "hour" || unit === "minute") return "second";
  return unit === "week" ? "day" : unit;
}

/** قبل/منذ … (ago), بعد … (later), خلال/في غضون … (within). */
export function unitShift(toks: readonly Token[], i: number): Parsed | null {
  const f = w(toks, i);
  const head = bases(f).find(
    (b) => b === "قبل" || b === "منذ" || b === "بعد" || b === "خلال" || b === "غضون" || b === "من",
  );
  if (head === undefined) return null;
  let j = i + 1;
  if (head === "منذ" && w(toks, j) === "نحو") j++;
  if (/^(اكثر|اقل)$/.test(w(toks, j)) && w(toks, j + 1) === "من") j += 2;
  if (month(toks, j)) return null; // منذ شهر مارس: a month named, not "a month ago"
  const u = unitPhrase(toks, j);
  if (!u) return null;
  if (toks[u.end]?.k === "n") return null; // من عام 2014: a year, not "a year ago"
  if (head === "من" && (u.n === null || j !== i + 1 || toks[j]?.k === "n" || u.unit === "day")) return null;
  if (u.n === null) return { expr: { t: "vague", unit: u.unit, dir: head === "بعد" ? 1 : -1 }, end: u.end };
  if (head === "خلال" || head === "غضون") return { expr: { t: "within", unit: u.unit, n: u.n }, end: u.end };
  const n = head === "بعد" ? u.n : -u.n;
  return { expr: { t: "shift", unit: u.unit, n, grain: grainOf(u.unit) }, end: u.end };
}

const THIS = new Set(["هذا", "هذه"]);

const PLURAL_UNIT = /^(ثواني|ثوان|دقائق|دقايق|ساعات|ايام|اسابيع|اشهر|شهور|سنوات|سنين|اعوام)$/;

/** The count in `الأيام الثلاثة الماضية` / `الساعات الـ24 الماضية` / `الأيام 3 الماضية`, and where it ends. */
function articleCount(toks: readonly Token[], j: number): { n: number; end: number } | null {
  const t = toks[j];
  if (t === undefined) return null;
  if (t.k === "n" && t.v !== undefined && !t.frac) return { n: t.v, end: j + 1 };
  if (t.k !== "w" || !t.f.startsWith("ال")) return null;
  const next = toks[j + 1];
  if (t.f === "ال" && next?.k === "n" && next.v !== undefined) return { n: next.v, end: j + 2 };
  const c = NUMBER_WORDS.get(t.f.slice(2));
  return c && c.cls !== "scale" && c.cls !== "hundred" ? { n: c.value, end: j + 1 } : null;
}

/** الأسبوع الماضي، هذا الشهر، العام المقبل، السنة الحالية، الأيام الثلاثة المقبلة. */
export function unitDirection(toks: readonly Token[], i: number): Parsed | null {
  if (THIS.has(w(toks, i))) {
    const u = lookup(UNITS, stripArticle(w(toks, i + 1)));
    if (!u || u.unit === "day" || !w(toks, i + 1).startsWith("ال")) return null;
    return { expr: { t: "shift", unit: u.unit, n: 0, grain: u.unit }, end: i + 2 };
  }
  const noun = bases(w(toks, i))
    .find((b) => b.startsWith("ال") && UNITS.has(b.slice(2)))
    ?.slice(2);
  const u = noun === undefined ? undefined : UNITS.get(noun);
  if (noun === undefined || u === undefined) return null;
  const count = articleCount(toks, i + 1);
  const j = count ? count.end : i + 1;
  const dir = DIRECTION.get(w(toks, j));
  if (dir === undefined) return null;
  const plural = u.n === undefined && PLURAL_UNIT.test(noun);
  if (count || plural || u.n !== undefined) {
    if (dir === 0) return null;
    const n = count?.n ?? u.n;
    if (n === undefined) return { expr: { t: "vague", unit: u.unit, dir }, end: j + 1 };
    return { expr: { t: "span", unit: u.unit, n, dir }, end: j + 1 };
  }
  if (u.unit === "day") return null; // اليوم التالي: the next day of the story, not of the reference
  return { expr: { t: "shift", unit: u.unit, n: dir, grain: u.unit }, end: j + 1 };
}

const PARTS: ReadonlyMap<string, "early" | "mid" | "late"> = new Map([
  ["مطلع", "early"],
  ["بدايه", "early"],
  ["اوائل", "early"],
  ["مستهل", "early"],
  ["اول", "early"],
  ["منتصف", "mid"],
  ["نصف", "mid"],
  ["نص", "mid"],
  ["اواسط", "mid"],
  ["وسط", "mid"],
  ["اواخر", "late"],
  ["نهايه", "late"],
  ["ختام", "late"],
  ["اخر", "late"],
]);

/** مطلع الشهر، منتصف آذار، أواخر العام الماضي، نهاية 2014، أول شباط (the first: a day). */
export function partOf(toks: readonly Token[], i: number): Parsed | null {
  let j = i;
  if (w(toks, j) === "في") j++;
  const part = lookup(PARTS, w(toks, j));
  if (part === undefined) return null;
  const inner = j + 1;
  const first = bases(w(toks, j)).includes("اول");
  const m = month(toks, inner);
  if (m && !(m.v.weak && inner === m.end - 1)) {
    const y = year(toks, m.end);
    const of: TimeExpr = y && !y.v.hijri ? { t: "date", y: y.v.y, m: m.v.m } : { t: "date", m: m.v.m };
    const end = y && !y.v.hijri ? y.end : m.end;
    if (first) return of.t === "date" ? { expr: { ...of, d: 1 }, end } : null;
    return { expr: { t: "part", part, of }, end };
  }
  if (first || w(toks, j) === "اخر") {
    const f = w(toks, inner);
    if (f !== "الشهر" && f !== "العام" && f !== "السنه") return null;
  }
  const rel = unitDirection(toks, inner);
  if (rel && rel.expr.t === "shift" && (rel.expr.unit === "month" || rel.expr.unit === "year")) {
    return { expr: { t: "part", part, of: rel.expr }, end: rel.end };
  }
  const f = w(toks, inner);
  if (f === "الشهر" || f === "العام" || f === "السنه" || f === "الاسبوع") {
    const unit: Grain = f === "الشهر" ? "month" : f === "الاسبوع" ? "week" : "year";
    return { expr: { t: "part", part, of: { t: "shift", unit, n: 0, grain: unit } }, end: inner + 1 };
  }
  const y = year(toks, inner);
  if (y && !y.v.hijri) return { expr: { t: "part", part, of: { t: "date", y: y.v.y } }, end: y.end };
  return null;
}

const YEAR_LEAD = new Set([
  "عام",
  "عامي",
  "سنه",
  "العام",
  "لعام",
  "بعام",
  "منذ",
  "في",
  "حتي",
  "خلال",
  "بحلول",
  "مطلع",
  "قبل",
  "بعد",
  "نهايه",
]);

/** A year alone, after a word that makes it one: عام 2014، منذ 2011، في 2015م. */
export function yearOnly(toks: readonly Token[], i: number): Parsed | null {
  const f = w(toks, i);
  const lead = YEAR_LEAD.has(f) || bases(f).some((b) => YEAR_LEAD.has(b));
  const t = toks[lead ? i + 1 : i];
  if (t === undefined || t.k !== "n" || t.int !== 4 || t.frac || t.v === undefined) return null;
  if (!lead && !/^(م|ميلادي|ميلاديه)$/.test(w(toks, i + 1))) return null;
  if (t.v < 1800 || t.v > 2200) return null;
  const after = toks[lead ? i + 2 : i + 1];
  if (after?.k === "p" && after.start === t.end && "/-.".includes(after.f)) return null; // 2016-02-12
  const y = year(toks, lead && !/^(منذ|في|حتي|خلال|بحلول|قبل|بعد)$/.test(f) ? i : i + 1);
  if (!y) return null;
  return { expr: { t: "date", y: y.v.y }, end: y.end };
}
