/**
 * Calendar dates as written: `الثلاثاء 15 ديسمبر/كانون الأول 2015`, `28 يناير الماضي`, `آب/ أغسطس 2014`,
 * `١٥ رجب ١٤٣٧ هـ` (converted through Umm al-Qura), numeric `2/12/2016` (both readings kept when both are valid),
 * `2016-02-12`, and English caption dates (`December 14, 2015`, `Jan. 28, 2016`).
 */
import { fromHijri, validDate } from "./calendar.js";
import type { DateParts, Parsed, TimeExpr } from "./expr.js";
import { DIRECTION, EN_WEEKDAYS } from "./lexicon.js";
import { day, enMonth, hijriMonth, month, p, skipPunct, w, weekdayAt, year } from "./parts.js";
import { fold, glued, type Token } from "../text/tokens.js";

type DateExpr = Extract<TimeExpr, { t: "date" }>;

function dateExpr(parts: DateParts, wd: number | undefined): DateExpr {
  const e: DateExpr = { t: "date" };
  if (parts.y !== undefined) e.y = parts.y;
  if (parts.m !== undefined) e.m = parts.m;
  if (parts.d !== undefined) e.d = parts.d;
  if (wd !== undefined) e.wd = wd;
  return e;
}

/** الماضي / المقبل after a date without a year. */
function direction(toks: readonly Token[], i: number): -1 | 1 | null {
  const d = DIRECTION.get(w(toks, i));
  return d === -1 || d === 1 ? d : null;
}

const THIS_MONTH = new Set(["هذا الشهر", "الشهر الحالي", "الشهر الجاري"]);

/** Day, then month (any system) or Hijri month, then an optional year. */
function dayMonth(toks: readonly Token[], i: number, wd: number | undefined): Parsed | null {
  const dr = day(toks, i);
  if (!dr) return null;
  let k = dr.end;
  if (w(toks, k) === "من") k++;
  const mr = month(toks, k);
  if (mr) {
    const yr = year(toks, mr.end);
    if (yr && !yr.v.hijri) return { expr: dateExpr({ y: yr.v.y, m: mr.v.m, d: dr.v }, wd), end: yr.end };
    const e = dateExpr({ m: mr.v.m, d: dr.v }, wd);
    const dir = direction(toks, mr.end);
    if (dir !== null) e.dir = dir;
    return { expr: e, end: dir !== null ? mr.end + 1 : mr.end };
  }
  const hm = hijriMonth(toks, k);
  if (hm) {
    const yr = year(toks, hm.end);
    if (!yr || yr.v.y < 1300 || yr.v.y > 1500) return null;
    const g = fromHijri(yr.v.y, hm.v, dr.v);
    return g ? { expr: dateExpr(g, wd), end: yr.end } : null;
  }
  const phrase = `${w(toks, k)} ${w(toks, k + 1)}`;
  if (k > dr.end && THIS_MONTH.has(phrase)) {
    const e = dateExpr({ d: dr.v }, wd);
    e.thisMonth = true;
    return { expr: e, end: k + 2 };
  }
  return null;
}

/** Month first: `آب/ أغسطس 2014`, `يناير الماضي`, `تموز 13` (no year: the nearest). */
function monthFirst(toks: readonly Token[], i: number, wd: number | undefined): Parsed | null {
  const mr = month(toks, i);
  if (!mr) return null;
  const yr = year(toks, mr.end);
  if (yr && !yr.v.hijri) return { expr: dateExpr({ y: yr.v.y, m: mr.v.m }, wd), end: yr.end };
  const dir = direction(toks, mr.end);
  if (dir !== null) return { expr: { ...dateExpr({ m: mr.v.m }, wd), dir }, end: mr.end + 1 };
  const t = toks[mr.end];
  if (
    t?.k === "n" &&
    !t.frac &&
    (t.int ?? 0) <= 2 &&
    (t.v ?? 0) >= 1 &&
    (t.v ?? 0) <= 31 &&
    p(toks, mr.end + 1) !== "/"
  ) {
    const y2 = year(toks, mr.end + 1);
    return { expr: dateExpr({ y: y2?.v.y, m: mr.v.m, d: t.v } as DateParts, wd), end: y2?.end ?? mr.end + 1 };
  }
  if (mr.v.weak) return null;
  return { expr: dateExpr({ m: mr.v.m }, wd), end: mr.end };
}

/** `[يوم] الخميس[،] [الموافق] 15 ديسمبر 2015`, or a date without a weekday. */
export function absoluteDate(toks: readonly Token[], i: number): Parsed | null {
  const wdr = weekdayAt(toks, i);
  if (wdr) {
    let j = skipPunct(toks, wdr.end, ",،(");
    if (w(toks, j) === "الموافق" || w(toks, j) === "في") j++;
    const hit = dayMonth(toks, j, wdr.v) ?? numericDate(toks, j, wdr.v, true);
    if (hit) return hit;
    return null;
  }
  return dayMonth(toks, i, undefined) ?? monthFirst(toks, i, undefined);
}

function num(t: Token | undefined): number | null {
  return t !== undefined && t.k === "n" && !t.frac && t.v !== undefined ? t.v : null;
}

/** Readings of a numeric a/b[/y]: day-first (the Arabic norm) first, then month-first when that is valid too. */
function readings(a: number, b: number, y: number | undefined): DateParts[] {
  const yy = y ?? 2000; // a leap year, so 29/2 without a year stays valid
  const out: DateParts[] = [];
  if (validDate(yy, b, a)) out.push(y === undefined ? { m: b, d: a } : { y, m: b, d: a });
  if (a !== b && validDate(yy, a, b)) out.push(y === undefined ? { m: a, d: b } : { y, m: a, d: b });
  return out;
}

/**
 * `2/12/2016`, `02-12-2016`, `12.02.2016`, `2016-02-12`, `2/2013` (month/year), and `21/09` when a weekday or يوم
 * comes before it (`withContext`): bare `21/09` in running text is as often a score or a fraction.
 */
export function numericDate(
  toks: readonly Token[],
  i: number,
  wd: number | undefined,
  withContext: boolean,
): Parsed | null {
  const dotted = dottedDate(toks, i, wd);
  if (dotted) return dotted;
  const a = num(toks[i]);
  if (a === null) return null;
  const prev = toks[i - 1];
  if (prev !== undefined && glued(toks, i) && (prev.f === "/" || prev.f === "-" || prev.f === ".")) return null;
  const s1 = p(toks, i + 1);
  if ((s1 !== "/" && s1 !== "-" && s1 !== ".") || !glued(toks, i + 1) || !glued(toks, i + 2)) return null;
  const b = num(toks[i + 2]);
  if (b === null) return null;
  const ta = toks[i]!;
  const tb = toks[i + 2]!;
  const s2 = p(toks, i + 3);
  const c = s2 === s1 && glued(toks, i + 3) && glued(toks, i + 4) ? num(toks[i + 4]) : null;
  if (c !== null) {
    if (p(toks, i + 5) === s1 && glued(toks, i + 5)) return null; // a longer sequence: an id or a phone number
    const tc = toks[i + 4]!;
    if (ta.int === 4 && validDate(a, b, c)) return { expr: dateExpr({ y: a, m: b, d: c }, wd), end: i + 5 };
    if (tc.int !== 4 && tc.int !== 2) return null;
    const y = tc.int === 2 ? 2000 + c : c;
    const rs = readings(a, b, y);
    return rs.length ? withAlts(rs, wd, i + 5) : null;
  }
  if (tb.int === 4 && s1 === "/" && ta.int !== undefined && ta.int <= 2 && a >= 1 && a <= 12) {
    return { expr: dateExpr({ y: b, m: a }, wd), end: i + 3 };
  }
  if (!withContext || s1 !== "/" || (ta.int ?? 0) > 2 || (tb.int ?? 0) > 2) return null;
  const rs = readings(a, b, undefined);
  return rs.length ? withAlts(rs, wd, i + 3) : null;
}

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$|^(\d{4})\.(\d{1,2})\.(\d{1,2})$/;

/** `25.3.2014`, `25.03.14`, `2014.3.25`: the tokenizer reads a dotted date as one number; its digits say which. */
function dottedDate(toks: readonly Token[], i: number, wd: number | undefined): Parsed | null {
  const t = toks[i];
  if (t === undefined || t.k !== "n" || !t.frac) return null;
  const m = DOTTED.exec(fold(t.s));
  if (!m) return null;
  if (m[4] !== undefined) {
    const [y, mo, d] = [Number(m[4]), Number(m[5]), Number(m[6])];
    return validDate(y, mo, d) ? { expr: dateExpr({ y, m: mo, d }, wd), end: i + 1 } : null;
  }
  const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const rs = readings(Number(m[1]), Number(m[2]), y);
  return rs.length ? withAlts(rs, wd, i + 1) : null;
}

function withAlts(rs: DateParts[], wd: number | undefined, end: number): Parsed {
  const e = dateExpr(rs[0]!, wd);
  if (rs.length > 1) e.alts = rs.slice(1);
  return { expr: e, end };
}

/** English: `[Monday,] December 14, 2015`, `Jan. 28, 2016`, `14 December 2015`, `January 2016`. */
export function englishDate(toks: readonly Token[], i: number): Parsed | null {
  let j = i;
  const wd = EN_WEEKDAYS.get(w(toks, j));
  if (wd !== undefined) j = skipPunct(toks, j + 1, ",");
  const m = enMonth(toks, j);
  if (m) {
    const d = num(toks[m.end]);
    if (d !== null && d >= 1 && d <= 31 && (toks[m.end]?.int ?? 0) <= 2) {
      let k = m.end + 1;
      if (/^(st|nd|rd|th)$/.test(w(toks, k))) k++;
      const y = year(toks, skipPunct(toks, k, ","));
      return { expr: dateExpr({ y: y?.v.y, m: m.v, d } as DateParts, wd), end: y?.end ?? k };
    }
    const y = year(toks, m.end);
    return y ? { expr: dateExpr({ y: y.v.y, m: m.v }, wd), end: y.end } : null;
  }
  const d = num(toks[j]);
  if (d === null || d < 1 || d > 31 || (toks[j]?.int ?? 0) > 2) return null;
  const m2 = enMonth(toks, j + 1);
  if (!m2) return null;
  const y = year(toks, skipPunct(toks, m2.end, ","));
  return { expr: dateExpr({ y: y?.v.y, m: m2.v, d } as DateParts, wd), end: y?.end ?? m2.end };
}
