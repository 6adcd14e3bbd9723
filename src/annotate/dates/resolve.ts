/**
 * Placing a TimeExpr on the calendar, given a reference time.
 *
 * `bias` decides what an open expression means. News reports what happened: a bare weekday is the latest such day
 * (today included), a day-and-month with no year the nearest one, an ambiguous clock hour the latest one (`past`,
 * the default). An assistant answering "on Tuesday" means the next one (`future`: Duckling's convention, used to
 * score against its corpus). Cues in the text (المقبل، غدا) override the bias either way.
 */
import {
  addDays,
  compare,
  daysBetween,
  dayNumber,
  daysInMonth,
  dt,
  easter,
  fromHijri,
  shift,
  toHijri,
  truncate,
  validDate,
  weekday,
  type DT,
  type Grain,
} from "./calendar.js";
import type { HolidayName, TimeExpr, TimeOfDay } from "./expr.js";

export type Bias = "past" | "future";

export interface ResolveOptions {
  /** The reference time; null when unknown (only absolute expressions with a year resolve then). */
  ref: DT | null;
  /** Default `past` (news). */
  bias?: Bias;
  /** A year to give a day-and-month that has none when there is no reference (the article's own year). */
  yearHint?: number;
}

export interface Resolved {
  start: DT;
  grain: Grain;
  /** Exclusive end, for intervals. */
  end?: DT;
  /** Other readings (numeric d/m vs m/d). */
  others?: DT[];
}

/** The date-time of `tod` on the day of `day`, as stated (a 12-hour clock without am/pm is taken as written). */
function at(day: DT, tod: TimeOfDay): DT {
  return dt(day.y, day.m, day.d, tod.h, tod.mi ?? 0, tod.s ?? 0);
}

function withTime(r: Resolved, tod: TimeOfDay | undefined): Resolved {
  return tod ? { start: at(r.start, tod), grain: tod.grain } : r;
}

/** A clock time alone: today at that time, or for a 12-hour hour without am/pm, the occurrence the bias picks. */
function clockTime(tod: TimeOfDay, ref: DT, bias: Bias): Resolved {
  const today = at(ref, tod);
  if (tod.part || tod.h === 0 || tod.h > 12) return { start: today, grain: tod.grain };
  const pm = at(ref, { ...tod, h: tod.h === 12 ? 12 : tod.h + 12 });
  const options = [addDays(pm, -1), today, pm, addDays(today, 1)];
  const pick =
    bias === "future"
      ? options.find((o) => compare(o, ref) > 0)
      : [...options].reverse().find((o) => compare(o, ref) <= 0);
  return { start: pick ?? today, grain: tod.grain };
}

/** The day with weekday `wd` nearest `from` in direction dir (−1: on or before, +1: strictly after). */
function weekdayFrom(from: DT, wd: number, dir: -1 | 1, strict: boolean): DT {
  const cur = weekday(from.y, from.m, from.d);
  if (dir === -1) {
    let back = (cur - wd + 7) % 7;
    if (strict && back === 0) back = 7;
    return addDays(truncate(from, "day"), -back);
  }
  let fwd = (wd - cur + 7) % 7;
  if (fwd === 0) fwd = 7;
  return addDays(truncate(from, "day"), fwd);
}

/** Year for a day-and-month without one: the weekday's year when given, else by bias around the reference. */
function chooseYear(
  m: number,
  d: number,
  wd: number | undefined,
  dir: -1 | 1 | undefined,
  ref: DT,
  bias: Bias,
): number {
  const years = [ref.y - 1, ref.y, ref.y + 1].filter((y) => validDate(y, m, d));
  const refDay = dayNumber(ref.y, ref.m, ref.d);
  const fits = wd === undefined ? years : years.filter((y) => weekday(y, m, d) === wd);
  const pool = fits.length ? fits : years;
  const dist = (y: number) => dayNumber(y, m, d) - refDay;
  if (dir === -1) return pool.filter((y) => dist(y) < 0).at(-1) ?? ref.y;
  if (dir === 1) return pool.find((y) => dist(y) > 0) ?? ref.y;
  // Future: this year while the month has not passed (Duckling reads "1 February" in February as this one).
  if (bias === "future" && fits.length !== 1) return pool.find((y) => y * 12 + m >= ref.y * 12 + ref.m) ?? ref.y;
  return pool.reduce((a, b) => (Math.abs(dist(b)) < Math.abs(dist(a)) ? b : a), pool[0] ?? ref.y);
}

type DateExpr = Extract<TimeExpr, { t: "date" }>;

function resolveDate(e: DateExpr, o: ResolveOptions, bias: Bias): Resolved | null {
  const ref = o.ref;
  let y = e.y;
  let m = e.m;
  if (e.thisMonth && ref) {
    y = ref.y;
    m = ref.m;
  }
  if (m === undefined) return y === undefined ? null : { start: dt(y, 1, 1), grain: "year" };
  if (e.d === undefined) {
    if (y === undefined) {
      if (!ref) return o.yearHint === undefined ? null : { start: dt(o.yearHint, m, 1), grain: "month" };
      const cur = ref.y * 12 + ref.m - 1;
      const options = [ref.y - 1, ref.y, ref.y + 1].map((yy) => yy * 12 + m - 1);
      const pick =
        e.dir === -1
          ? options.filter((x) => x < cur).at(-1)
          : e.dir === 1 || bias === "future"
            ? options.find((x) => x >= cur + (e.dir === 1 ? 1 : 0))
            : options.reduce((a, b) => (Math.abs(b - cur) < Math.abs(a - cur) ? b : a));
      y = Math.floor((pick ?? cur) / 12);
    }
    return { start: dt(y, m, 1), grain: "month" };
  }
  if (y === undefined) {
    if (ref) y = chooseYear(m, e.d, e.wd, e.dir, ref, bias);
    else if (o.yearHint !== undefined) y = o.yearHint;
    else return null;
  }
  if (!validDate(y, m, e.d)) return null;
  const r: Resolved = withTime({ start: dt(y, m, e.d), grain: "day" }, e.time);
  const yy = y;
  const others = (e.alts ?? [])
    .filter((a) => a.m !== undefined && a.d !== undefined)
    .map((a) => dt(a.y ?? yy, a.m!, a.d!));
  if (others.length) r.others = others;
  return r;
}

/** The reference day shifted; a stated weekday that disagrees by a day or two wins (a page dated after midnight). */
function resolveShift(e: Extract<TimeExpr, { t: "shift" }>, ref: DT): Resolved {
  let start = truncate(shift(ref, e.unit, e.n), e.grain);
  if (e.wd !== undefined && e.unit === "day") {
    const cur = weekday(start.y, start.m, start.d);
    let delta = (e.wd - cur + 7) % 7;
    if (delta > 3) delta -= 7;
    start = addDays(start, delta);
  }
  return withTime({ start, grain: e.grain }, e.time);
}

function nthOf(e: Extract<TimeExpr, { t: "nth" }>, o: ResolveOptions, bias: Bias): Resolved | null {
  const of = resolve(e.of, o, bias);
  if (!of) return null;
  const from = truncate(of.start, "month");
  const to = shift(from, "month", 1);
  if (e.what === "day") return { start: e.n > 0 ? addDays(from, e.n - 1) : addDays(to, -1), grain: "day" };
  if (e.what === "week") {
    if (e.n < 0) return { start: truncate(addDays(to, -7), "week"), grain: "week" };
    const firstMonday = weekdayFrom(addDays(from, -1), 1, 1, true);
    return { start: addDays(firstMonday, 7 * (e.n - 1)), grain: "week" };
  }
  if (e.n < 0) return { start: weekdayFrom(addDays(to, -1), e.what.wd, -1, false), grain: "day" };
  const first = weekdayFrom(addDays(from, -1), e.what.wd, 1, true);
  return { start: addDays(first, 7 * (e.n - 1)), grain: "day" };
}

function partOf(e: Extract<TimeExpr, { t: "part" }>, o: ResolveOptions, bias: Bias): Resolved | null {
  const of = resolve(e.of, o, bias);
  if (!of) return null;
  if (of.grain === "year") {
    const y = of.start.y;
    if (e.part === "mid") return { start: dt(y, 5, 1), end: dt(y, 9, 1), grain: "month" };
    return e.part === "early"
      ? { start: dt(y, 1, 1), end: dt(y, 5, 1), grain: "month" }
      : { start: dt(y, 9, 1), end: dt(y + 1, 1, 1), grain: "month" };
  }
  const s = truncate(of.start, "month");
  const next = shift(s, "month", 1);
  if (e.part === "mid") return { start: dt(s.y, s.m, 15), grain: "day" };
  if (e.part === "early") return { start: s, end: dt(s.y, s.m, 11), grain: "day" };
  return { start: dt(s.y, s.m, 21), end: next, grain: "day" };
}

const HIJRI_FEASTS: Partial<Record<HolidayName, [number, number]>> = {
  fitr: [10, 1],
  adha: [12, 10],
  "hijri-new-year": [1, 1],
  mawlid: [3, 12],
  ashura: [1, 10],
  arafa: [12, 9],
  ramadan: [9, 1],
};
const FIXED: Partial<Record<HolidayName, [number, number]>> = {
  christmas: [12, 25],
  "new-year": [1, 1],
  valentine: [2, 14],
  "mothers-day": [3, 21],
  "labour-day": [5, 1],
};

/** Every occurrence of a holiday in Gregorian year y (a Hijri feast can fall twice in one year). */
function holidayIn(name: HolidayName, y: number): DT[] {
  if (name === "easter") return [easter(y)];
  const fixed = FIXED[name];
  if (fixed) return [dt(y, fixed[0], fixed[1])];
  const hm = HIJRI_FEASTS[name];
  const h = toHijri(dt(y, 1, 1));
  if (!hm || !h) return [];
  return [h.y, h.y + 1].map((hy) => fromHijri(hy, hm[0], hm[1])).filter((d): d is DT => d !== null && d.y === y);
}

function holiday(e: Extract<TimeExpr, { t: "holiday" }>, o: ResolveOptions, bias: Bias): Resolved | null {
  const ref = o.ref;
  let days: DT[];
  if (e.y !== undefined) days = holidayIn(e.name, e.y);
  else if (ref) days = [ref.y - 1, ref.y, ref.y + 1].flatMap((y) => holidayIn(e.name, y));
  else return null;
  if (!days.length) return null;
  let pick = days[0]!;
  if (e.y === undefined && ref) {
    const r = truncate(ref, "day");
    const near = days.reduce((a, b) => (Math.abs(daysBetween(r, b)) < Math.abs(daysBetween(r, a)) ? b : a));
    pick = bias === "future" ? (days.find((d) => compare(d, r) >= 0) ?? near) : near;
  }
  if (e.name === "ramadan") {
    const h = toHijri(pick);
    const endDay = h ? fromHijri(h.y, 10, 1) : null;
    return endDay ? { start: pick, end: endDay, grain: "day" } : { start: pick, grain: "day" };
  }
  return { start: pick, grain: "day" };
}

function lower(unit: Grain): Grain {
  return unit === "year" ? "month" : unit === "month" || unit === "week" ? "day" : unit === "day" ? "hour" : "second";
}

/** Places `e` on the calendar, or null when it needs a reference that is missing (or names no real date). */
export function resolve(e: TimeExpr, o: ResolveOptions, bias: Bias = o.bias ?? "past"): Resolved | null {
  const ref = o.ref;
  switch (e.t) {
    case "date":
      return resolveDate(e, o, bias);
    case "holiday":
      return holiday(e, o, bias);
    case "vague":
      return null;
  }
  if (!ref) return null;
  switch (e.t) {
    case "now":
      return { start: { ...ref }, grain: "second" };
    case "shift":
      return resolveShift(e, ref);
    case "weekday": {
      const dir = e.dir ?? (bias === "future" ? 1 : -1);
      return withTime({ start: weekdayFrom(ref, e.wd, dir, e.dir === -1), grain: "day" }, e.time);
    }
    case "time":
      return clockTime(e.tod, ref, bias);
    case "nth":
      return nthOf(e, o, bias);
    case "part":
      return partOf(e, o, bias);
    case "within": {
      const to = truncate(shift(ref, e.unit, e.n), lower(e.unit));
      return { start: { ...ref }, end: to, grain: "second" };
    }
    case "span": {
      const cur = truncate(ref, e.unit);
      const start = e.dir === 1 ? shift(cur, e.unit, 1) : shift(cur, e.unit, -e.n);
      return { start, end: shift(start, e.unit, e.n), grain: e.unit };
    }
    case "until": {
      const to = resolve(e.to, o, "future");
      return to ? { start: { ...ref }, end: to.start, grain: "second" } : null;
    }
    case "interval":
      return interval(e, o, bias);
  }
}

function interval(e: Extract<TimeExpr, { t: "interval" }>, o: ResolveOptions, bias: Bias): Resolved | null {
  const a = resolve(e.from, o, bias);
  let b = resolve(e.to, o, bias);
  if (!a || !b) return null;
  // The second end of a range follows the first: من الاثنين إلى الخميس read in the past is Monday to the Thursday after.
  if (e.to.t === "weekday" && e.to.dir === null && compare(b.start, a.start) < 0) {
    b = { ...b, start: addDays(b.start, 7) };
  }
  const grain = a.grain === b.grain ? a.grain : a.grain;
  const unit = grain === "week" ? "week" : grain;
  return { start: a.start, end: shift(b.start, unit, 1), grain };
}

export { daysInMonth };
