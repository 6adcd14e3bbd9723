/**
 * What a temporal expression says, before it is placed on the calendar. Parsing gives a TimeExpr; `resolve` turns
 * it into dates given a reference time (the publication date for an article, `--ref` for `rasd annotate`). Keeping
 * the two apart is what lets the publication date be inferred from the expressions themselves ("أمس الاثنين" is a
 * Monday one day before the article) and lets relative dates be re-resolved once another article settles the day.
 */
import type { Grain } from "./calendar.js";

export interface TimeOfDay {
  h: number;
  mi?: number;
  s?: number;
  /** Stated part of the day: `am`/`pm` resolve a 12-hour clock on the same day; absent means ambiguous. */
  part?: "am" | "pm";
  grain: "hour" | "minute" | "second";
}

export interface DateParts {
  y?: number;
  m?: number;
  d?: number;
}

export type TimeExpr =
  | { t: "now" }
  /** A calendar date, possibly partial (no year, no day). `alts` are the other readings of a numeric date. */
  | {
      t: "date";
      y?: number;
      m?: number;
      d?: number;
      /** Weekday written with the date (for the consistency check and to choose the year). */
      wd?: number;
      /** `الماضي` (-1) / `المقبل` (+1) after a month or a day-and-month with no year. */
      dir?: -1 | 1;
      /** Days from the reference when the text also says اليوم/أمس/غدا (اليوم 15 ديسمبر). */
      anchor?: number;
      alts?: DateParts[];
      /** The month is the reference's month (التاسع عشر من هذا الشهر). */
      thisMonth?: boolean;
      time?: TimeOfDay;
    }
  /** `n` units from the reference, truncated to `grain`: اليوم, أمس, الأسبوع الماضي, قبل ثلاثة أيام. */
  | { t: "shift"; unit: Grain; n: number; grain: Grain; wd?: number; time?: TimeOfDay }
  /** A named weekday: `dir` -1 last (الماضي), +1 next (المقبل), null: by the resolver's bias. */
  | { t: "weekday"; wd: number; dir: -1 | 1 | null; time?: TimeOfDay }
  | { t: "time"; tod: TimeOfDay }
  /** The n-th (−1: last) weekday/day/week of a month or year: أول ثلاثاء من أكتوبر، آخر أسبوع في سبتمبر. */
  | { t: "nth"; n: number; what: "day" | "week" | { wd: number }; of: TimeExpr }
  /** Beginning, middle or end of a month or year: مطلع الشهر، منتصف آذار، أواخر العام. */
  | { t: "part"; part: "early" | "mid" | "late"; of: TimeExpr }
  /** From … to …, both ends inclusive at their grain. */
  | { t: "interval"; from: TimeExpr; to: TimeExpr }
  /** From the reference until a time: حتى الساعة 2:00. */
  | { t: "until"; to: TimeExpr }
  /** Within n units from the reference: خلال أسبوعين. */
  | { t: "within"; unit: Grain; n: number }
  /** The n units after (+1) or before (−1) the current one: الأسابيع الثلاثة القادمة. */
  | { t: "span"; unit: Grain; n: number; dir: 1 | -1 }
  /** A past or future stretch with no count: منذ ساعات، قبل أيام. Not placed on the calendar. */
  | { t: "vague"; unit: Grain; dir: 1 | -1 }
  | { t: "holiday"; name: HolidayName; y?: number };

export type HolidayName =
  | "fitr"
  | "adha"
  | "hijri-new-year"
  | "ramadan"
  | "mawlid"
  | "ashura"
  | "arafa"
  | "easter"
  | "christmas"
  | "new-year"
  | "valentine"
  | "mothers-day"
  | "labour-day";

/** A parsed expression and the tokens it spans ([start, end) token indices). */
export interface Parsed {
  expr: TimeExpr;
  end: number;
}
