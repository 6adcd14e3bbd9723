/**
 * The clues a page gives about its own date, gathered from its temporal expressions:
 *
 * - weekday votes: "اليوم الثلاثاء" says the page is a Tuesday, "أمس الاثنين" too (Monday + 1), "غدا الخميس" a
 *   Wednesday;
 * - anchors: "اليوم 15 ديسمبر" gives the day itself;
 * - pairs: an own relative day with a weekday and a calendar date on that weekday ("أمس الاثنين" and a caption's
 *   "December 14, 2015", a Monday) give the day as date − offset;
 * - datelines: dates on a dateline block (ambiguous numeric ones keep both readings);
 * - bounds: dates the page places in the past (الماضي، منذ، file photos) are before it; update stamps, site headers
 *   and crawl dates are after it.
 */
import type { Article } from "../../core/types.js";
import { addDays, dt, isoDay, weekday, type DT } from "../dates/calendar.js";
import { dateSources, type DateSource } from "../dates/article.js";

export interface Vote {
  /** The page's weekday (0 = Sunday). */
  wd: number;
  text: string;
}

export interface DayClue {
  day: DT;
  why: string;
  /** Other readings of the same clue (a d/m vs m/d dateline). */
  others?: DT[];
}

export interface Clues {
  votes: Vote[];
  anchors: DayClue[];
  pairs: DayClue[];
  datelines: DayClue[];
  /** The page is after these. */
  after: DT[];
  /** The page is before these (update stamps, site headers). */
  before: DayClue[];
}

function fullDay(s: DateSource): DayClue | null {
  const e = s.found.expr;
  if (e.t !== "date" || e.y === undefined || e.m === undefined || e.d === undefined) return null;
  const clue: DayClue = { day: dt(e.y, e.m, e.d), why: `"${s.found.text}"` };
  const others = (e.alts ?? [])
    .filter((a) => a.m !== undefined && a.d !== undefined)
    .map((a) => dt(a.y ?? e.y!, a.m!, a.d!));
  if (others.length) clue.others = others;
  return clue;
}

/** A full date the page itself places in the past: background, a file photo, `الماضي`. */
function isPast(s: DateSource): boolean {
  const e = s.found.expr;
  return s.found.cues.since || s.found.cues.file || (e.t === "date" && e.dir === -1);
}

function where(s: DateSource): string {
  return s.block === undefined ? "text" : `${s.role} (block ${s.block})`;
}

/** Gathers the clues of an article's own temporal expressions. */
export function gatherClues(article: Article): Clues {
  const sources = dateSources(article);
  const c: Clues = { votes: [], anchors: [], pairs: [], datelines: [], after: [], before: [] };
  const rel: Array<{ n: number; wd: number; text: string }> = [];
  for (const s of sources) {
    const e = s.found.expr;
    const stamp = s.role === "chrome" || s.found.cues.update;
    if (e.t === "shift" && e.unit === "day" && e.wd !== undefined && !stamp) {
      c.votes.push({ wd: (((e.wd - e.n) % 7) + 7) % 7, text: s.found.text });
      rel.push({ n: e.n, wd: e.wd, text: s.found.text });
    }
    const full = fullDay(s);
    if (!full) {
      if (e.t === "date" && e.y !== undefined && isPast(s)) c.after.push(dt(e.y, e.m ?? 1, 1));
      continue;
    }
    if (stamp)
      c.before.push({ ...full, why: `${full.why}, ${s.found.cues.update ? "an update stamp" : "site chrome"}` });
    else if (e.t === "date" && e.anchor !== undefined)
      c.anchors.push({ day: addDays(full.day, -e.anchor), why: `${full.why} in the ${where(s)}` });
    else if (s.role === "dateline") c.datelines.push({ ...full, why: `dateline ${full.why}` });
    else if (isPast(s)) c.after.push(full.day);
  }
  for (const s of sources) {
    const full = fullDay(s);
    if (!full || full.others || isPast(s) || s.role === "chrome" || s.found.cues.update || s.role === "dateline")
      continue;
    const wd = weekday(full.day.y, full.day.m, full.day.d);
    for (const r of rel) {
      if (r.wd !== wd) continue;
      c.pairs.push({
        day: addDays(full.day, -r.n),
        why: `"${r.text}" is ${full.why} (${isoDay(full.day)}, ${where(s)})`,
      });
    }
  }
  return c;
}
