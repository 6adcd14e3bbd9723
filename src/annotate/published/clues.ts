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
import { addDays, dt, fromHijri, isoDay, weekday, type DT } from "../dates/calendar.js";
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
  /** Full dates the page gives as its own publication ("تم نشره الجمعة 24 نيسان / أبريل 2020", "Published on"). */
  published: DayClue[];
  votes: Vote[];
  anchors: DayClue[];
  pairs: DayClue[];
  datelines: DayClue[];
  /** The page is after these. */
  after: DT[];
  /** The page is before these (update stamps, site headers). */
  before: DayClue[];
}

/** Hijri years a news page can carry (the converter's range); no Gregorian news date falls in it. */
function isHijriYear(y: number): boolean {
  return y >= 1343 && y <= 1500;
}

function fullDay(s: DateSource): DayClue | null {
  const e = s.found.expr;
  if (e.t !== "date" || e.y === undefined || e.m === undefined || e.d === undefined) return null;
  // A numeric Hijri date (4/10/1436) is day-first and Hijri: never the Gregorian year 1436.
  if (isHijriYear(e.y)) {
    const g = fromHijri(e.y, e.m, e.d);
    return g ? { day: g, why: `"${s.found.text}" (Hijri, ${isoDay(g)})` } : null;
  }
  if (e.y < 1800 || e.y > 2200) return null;
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

/**
 * Words that introduce a page's own publication date, just before the date: "تم نشره", "نُشر في", "تاريخ النشر",
 * "Published on", "Posted". Matched on the text with harakat removed.
 */
const PUBLISHED_CUE =
  /(?:(?:تم\s+)?نشر(?:ه|ت|ها)?(?:\s+(?:في|فى|بتاريخ|يوم))?|تاريخ\s+(?:ال)?نشر|published(?:\s+on)?|posted(?:\s+on)?|first\s+published)\s*[:：\-–]?\s*(?:\S+\s*[،,]?\s*)?$/iu;

/** Whether a publication cue stands right before the expression (in its block or the article text). */
function publishedCue(article: Article, s: DateSource): boolean {
  const text = s.block === undefined ? article.text : (article.blocks[s.block]?.text ?? "");
  const before = text.slice(Math.max(0, s.found.start - 40), s.found.start).replace(/[\u064B-\u0652\u0670]/gu, "");
  return PUBLISHED_CUE.test(before) || PUBLISHED_CUE.test(`${before} ${s.found.text.split(/\s/u)[0] ?? ""}`);
}

function where(s: DateSource): string {
  return s.block === undefined ? "text" : `${s.role} (block ${s.block})`;
}

/** Gathers the clues of an article's own temporal expressions. */
export function gatherClues(article: Article): Clues {
  const sources = dateSources(article);
  const c: Clues = { published: [], votes: [], anchors: [], pairs: [], datelines: [], after: [], before: [] };
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
    if (!s.found.cues.update && publishedCue(article, s))
      c.published.push({ ...full, why: `${full.why}, given as published` });
    else if (stamp)
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
