/**
 * Civil-calendar arithmetic on plain fields (no time zones: a news date is the date the page states, and the
 * reference time is taken in its own offset). Days are counted from 1970-01-01 (day 0, a Thursday).
 */
import { hijriToGregorian, gregorianToHijri } from "@tabby_ai/hijri-converter";

export interface DT {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

export type Grain = "second" | "minute" | "hour" | "day" | "week" | "month" | "year";

export const GRAIN_ORDER: readonly Grain[] = ["second", "minute", "hour", "day", "week", "month", "year"];

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function fromDayNumber(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(y: number, m: number, d: number): number {
  return (((dayNumber(y, m, d) + 4) % 7) + 7) % 7;
}

export function daysInMonth(y: number, m: number): number {
  return dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - dayNumber(y, m, 1);
}

export function validDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function dt(y: number, m: number, d: number, h = 0, mi = 0, s = 0): DT {
  return { y, m, d, h, mi, s };
}

export function addDays(t: DT, n: number): DT {
  const c = fromDayNumber(dayNumber(t.y, t.m, t.d) + n);
  return { ...t, ...c };
}

export function addMonths(t: DT, n: number): DT {
  const idx = t.y * 12 + (t.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  return { ...t, y, m, d: Math.min(t.d, daysInMonth(y, m)) };
}

/** Adds `n` units (seconds…years) to a date-time. */
export function shift(t: DT, unit: Grain, n: number): DT {
  switch (unit) {
    case "year":
      return addMonths(t, 12 * n);
    case "month":
      return addMonths(t, n);
    case "week":
      return addDays(t, 7 * n);
    case "day":
      return addDays(t, n);
    default: {
      const secs = unit === "hour" ? 3600 : unit === "minute" ? 60 : 1;
      const total = t.h * 3600 + t.mi * 60 + t.s + secs * n;
      const days = Math.floor(total / 86400);
      const rest = total - days * 86400;
      const base = addDays(t, days);
      return { ...base, h: Math.floor(rest / 3600), mi: Math.floor((rest % 3600) / 60), s: rest % 60 };
    }
  }
}

/** The start of the `grain` that contains t (weeks start on Monday, as in ISO 8601 and Duckling). */
export function truncate(t: DT, grain: Grain): DT {
  switch (grain) {
    case "year":
      return dt(t.y, 1, 1);
    case "month":
      return dt(t.y, t.m, 1);
    case "week": {
      const wd = weekday(t.y, t.m, t.d);
      return addDays(dt(t.y, t.m, t.d), -((wd + 6) % 7));
    }
    case "day":
      return dt(t.y, t.m, t.d);
    case "hour":
      return dt(t.y, t.m, t.d, t.h);
    case "minute":
      return dt(t.y, t.m, t.d, t.h, t.mi);
    default:
      return { ...t };
  }
}

export function compare(a: DT, b: DT): number {
  return a.y - b.y || a.m - b.m || a.d - b.d || a.h - b.h || a.mi - b.mi || a.s - b.s;
}

/** Days from a to b (dates only). */
export function daysBetween(a: { y: number; m: number; d: number }, b: { y: number; m: number; d: number }): number {
  return dayNumber(b.y, b.m, b.d) - dayNumber(a.y, a.m, a.d);
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

export function isoDay(t: { y: number; m: number; d: number }): string {
  return `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}`;
}

/** ISO text of t at a precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (weeks and finer give the day). */
export function isoAt(t: DT, grain: Grain): string {
  if (grain === "year") return pad(t.y, 4);
  if (grain === "month") return `${pad(t.y, 4)}-${pad(t.m)}`;
  return isoDay(t);
}

export function hhmm(t: DT): string {
  return `${pad(t.h)}:${pad(t.mi)}`;
}

/** Parses `YYYY-MM-DD` (and longer ISO strings) into a date, or null. */
export function parseIsoDay(s: string): DT | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return validDate(y, mo, d) ? dt(y, mo, d) : null;
}

/** Hijri (Umm al-Qura) → Gregorian, or null outside the converter's range (1343–1500 AH). */
export function fromHijri(y: number, m: number, d: number): DT | null {
  try {
    const g = hijriToGregorian({ year: y, month: m, day: d });
    return dt(g.year, g.month, g.day);
  } catch {
    return null;
  }
}

/** Gregorian → Hijri year, month, day, or null outside the converter's range. */
export function toHijri(t: DT): { y: number; m: number; d: number } | null {
  try {
    const h = gregorianToHijri({ year: t.y, month: t.m, day: t.d });
    return { y: h.year, m: h.month, d: h.day };
  } catch {
    return null;
  }
}

/** Western Easter Sunday (the anonymous Gregorian algorithm). */
export function easter(y: number): DT {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dt(y, month, day);
}

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
