/**
 * A timestamp as a feed item or a record gives it, read into an ISO date: ISO 8601, RFC 822 (`pubDate`), numeric
 * dates (day-first where the feed or site is Arabic, as Arabic sites write them; reported ambiguous when both
 * readings are valid and nothing settles it), two-digit years, Hijri years (a numeric `4/10/1436` is Hijri, never
 * the Gregorian year 1436), and Arabic dates with month names (Gregorian, Levantine, Hijri), read by the date
 * grammar of src/annotate/dates.
 */
import { dt, fromHijri, isoDay, validDate, type DT } from "../dates/calendar.js";
import { findDates } from "../dates/find.js";

export type Stamp =
  /** `iso`: the instant when the value gives a time (UTC), else the day. */
  | { iso: string; day: string; how: string }
  /** Both readings of a numeric date are valid and nothing settles them. */
  | { ambiguous: string[]; how: string };

export interface StampOptions {
  /** Numeric dates are day-first (an Arabic feed or site): `01/12/2020` is the 1st of December. */
  dayFirst?: boolean;
  /** Two-digit years are read within a century ending a year after this one. Default: the current year. */
  year?: number;
}

/** Years a Hijri date can have in news (1343–1500 AH, the converter's range); no Gregorian news date is in it. */
function isHijriYear(y: number): boolean {
  return y >= 1343 && y <= 1500;
}

function fullYear(y: number, digits: number, now: number): number {
  if (digits > 2) return y;
  const century = Math.floor(now / 100) * 100;
  return century + y > now + 1 ? century - 100 + y : century + y;
}

/** A day in either calendar, or null when it is not a valid date. */
function day(y: number, m: number, d: number): DT | null {
  if (isHijriYear(y)) return fromHijri(y, m, d);
  return y >= 1800 && y <= 2200 && validDate(y, m, d) ? dt(y, m, d) : null;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/u;
const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/u;

function fromIso(s: string): Stamp | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const when = day(y, mo, d);
  if (!when) return undefined;
  if (isHijriYear(y)) return { iso: isoDay(when), day: isoDay(when), how: `Hijri ${s}` };
  if (m[4] !== undefined) {
    const t = Date.parse(
      `${isoDay(when)}T${m[4].padStart(2, "0")}:${m[5]}:${m[6] ?? "00"}${m[7] ?? ""}${fixZone(m[8])}`,
    );
    if (Number.isFinite(t)) return { iso: new Date(t).toISOString(), day: isoDay(when), how: "ISO 8601" };
  }
  return { iso: isoDay(when), day: isoDay(when), how: "ISO 8601" };
}

function fixZone(z: string | undefined): string {
  if (z === undefined) return "Z";
  return z === "Z" ? z : `${z.slice(0, 3)}:${z.slice(-2)}`;
}

/** `d/m/y`, `m/d/y`, `y/m/d`, with `/`, `.` or `-`. */
function fromNumeric(s: string, opts: StampOptions): Stamp | undefined {
  const m = NUMERIC.exec(s);
  if (!m) return undefined;
  const now = opts.year ?? new Date().getUTCFullYear();
  const [a, b, c] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (m[1]!.length >= 3) {
    const when = day(a, b, c);
    return when ? { iso: isoDay(when), day: isoDay(when), how: `${isHijriYear(a) ? "Hijri " : ""}y/m/d` } : undefined;
  }
  const y = fullYear(c, m[4]!.length, now);
  // A Hijri year is always written day-first.
  const dayFirst = day(y, b, a);
  const monthFirst = isHijriYear(y) ? null : day(y, a, b);
  const hijri = isHijriYear(y) ? "Hijri " : "";
  if (dayFirst && (!monthFirst || a === b || opts.dayFirst))
    return { iso: isoDay(dayFirst), day: isoDay(dayFirst), how: `${hijri}d/m/y` };
  if (monthFirst && !dayFirst) return { iso: isoDay(monthFirst), day: isoDay(monthFirst), how: "m/d/y" };
  if (dayFirst && monthFirst)
    return { ambiguous: [isoDay(dayFirst), isoDay(monthFirst)], how: "d/m/y or m/d/y, nothing settles it" };
  return undefined;
}

/** RFC 822 and other English forms Date.parse reads, with its years checked (no "201542"). */
function fromEnglish(s: string, opts: StampOptions): Stamp | undefined {
  if (!/[A-Za-z]{3}/u.test(s) || /[\u0600-\u06ff]/u.test(s)) return undefined;
  let v = s.trim();
  // RFC 822 two-digit years ("15 Dec 15"): Date.parse reads them too, but with its own century rule.
  const two = /^((?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3,}\s+)(\d{2})(\s|$)/u.exec(v);
  if (two)
    v = v.replace(two[0], `${two[1]}${fullYear(Number(two[2]), 2, opts.year ?? new Date().getUTCFullYear())}${two[3]}`);
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return undefined;
  const d = new Date(t);
  if (d.getUTCFullYear() < 1800 || d.getUTCFullYear() > 2200) return undefined;
  return { iso: d.toISOString(), day: d.toISOString().slice(0, 10), how: "RFC 822" };
}

/** Arabic (and other) dates the date grammar reads: month names in every system, Hijri with هـ. */
function fromText(s: string, opts: StampOptions): Stamp | undefined {
  for (const f of findDates(s)) {
    const e = f.expr;
    if (e.t !== "date" || e.y === undefined || e.m === undefined || e.d === undefined) continue;
    const readings = [{ y: e.y, m: e.m, d: e.d }, ...(e.alts ?? [])];
    if (readings.length > 1 && /^\d/u.test(f.text)) return fromNumeric(f.text, opts);
    const when = day(e.y, e.m, e.d);
    if (when) return { iso: isoDay(when), day: isoDay(when), how: `"${f.text}"` };
  }
  return undefined;
}

/** The timestamp a feed item or record gives, read; undefined when it is not a date. */
export function readStamp(value: string, opts: StampOptions = {}): Stamp | undefined {
  const s = value.trim().replace(/\s+/gu, " ");
  if (s === "") return undefined;
  if (/^\d{9,13}$/u.test(s)) {
    // Unix time, seconds or milliseconds.
    const n = Number(s);
    const d = new Date(s.length > 11 ? n : n * 1000);
    if (d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2200)
      return { iso: d.toISOString(), day: d.toISOString().slice(0, 10), how: "Unix time" };
  }
  return fromIso(s) ?? fromNumeric(s, opts) ?? fromEnglish(s, opts) ?? fromText(s, opts);
}
