/**
 * The publication date of one article, with its evidence. In order of trust:
 *
 *   1. metadata (JSON-LD, OpenGraph, <time>, a record's field), unless the text's weekday contradicts it; a crawl
 *      date is only an upper bound;
 *   2. an anchor in the text ("اليوم 15 ديسمبر");
 *   3. a dateline date that agrees with the text's weekday (or is the next day: pages stamped after midnight);
 *   4. a pair of clues: an own relative day with its weekday and a calendar date on that weekday;
 *   5. nothing fixed: `date: null` with what is fixed (the weekday, after/before) and every candidate left open.
 *
 * Update stamps (آخر تحديث), site headers (chrome) and crawl dates never become the date; they bound it.
 */
import type { DocHints } from "../../core/stage.js";
import type { Article, Published, PublishedConstraints } from "../../core/types.js";
import { compare, isoAt, isoDay, parseIsoDay, weekday, WEEKDAY_NAMES, type DT } from "../dates/calendar.js";
import { gatherClues, type Clues, type DayClue } from "./clues.js";
import { readStamp } from "./stamp.js";

/** The weekday most votes agree on, or null when there are none or they split evenly. */
function votedWeekday(c: Clues): { wd: number; texts: string[] } | null {
  const count = new Map<number, string[]>();
  for (const v of c.votes) count.set(v.wd, [...(count.get(v.wd) ?? []), v.text]);
  const ranked = [...count].sort((a, b) => b[1].length - a[1].length);
  const top = ranked[0];
  if (!top || (ranked[1] && ranked[1][1].length === top[1].length)) return null;
  return { wd: top[0], texts: top[1] };
}

/** Days from the voted weekday to the day's weekday, in −3…+3. */
function offBy(day: DT, wd: number): number {
  const d = (weekday(day.y, day.m, day.d) - wd + 7) % 7;
  return d > 3 ? d - 7 : d;
}

function dayOf(p: DT, evidence: string): Published {
  return { date: isoDay(p), precision: "day", candidates: [isoDay(p)], evidence };
}

interface Hint {
  day: DT;
  source: string;
  crawl: boolean;
}

/**
 * Metadata dates, read by stamp.ts: ISO 8601, RFC 822, numeric (a Hijri year converted), and Arabic dates with
 * month names (an Arabic `article:published_time`). A value with two valid readings and nothing to settle them is
 * no date.
 */
function hintsOf(hints: DocHints | undefined): Hint[] {
  const out: Hint[] = [];
  for (const h of hints?.published ?? []) {
    const s = readStamp(h.value);
    const day = s !== undefined && "day" in s ? parseIsoDay(s.day) : null;
    if (day) out.push({ day, source: h.source, crawl: /crawl/i.test(h.source) });
  }
  return out;
}

function weekdayNote(voted: { wd: number; texts: string[] } | null): string {
  return voted
    ? `; the text's ${voted.texts.map((t) => `"${t}"`).join(", ")} make it a ${WEEKDAY_NAMES[voted.wd]}`
    : "";
}

/**
 * Publication date of `article`: from its own page (and metadata hints), labelled `page`; when the page fixes no
 * day, the feed item's or record's timestamp as a labelled fallback (`feed`, `crawl`), the page's candidates and
 * constraints kept beside it for story-level inference.
 */
export function inferPublished(article: Article, hints?: DocHints): Published {
  const p = fromPage(article, hints);
  if (p.date !== null) return { ...p, source: "page" };
  const f = hints?.fallback;
  const s = f === undefined ? undefined : readStamp(f.value);
  if (f === undefined || s === undefined || !("day" in s)) return p;
  const what = f.source === "feed" ? "the feed item's date" : "the record's crawl time (an upper bound)";
  return {
    ...p,
    date: s.day,
    precision: "day",
    candidates: p.candidates.length ? p.candidates : [s.day],
    evidence: `${p.evidence}; taken instead: ${what}, ${f.field} ${f.value}`,
    source: f.source,
  };
}

function fromPage(article: Article, hints?: DocHints): Published {
  const c = gatherClues(article);
  const voted = votedWeekday(c);
  const agrees = (d: DT, late = 0) => voted === null || (offBy(d, voted.wd) >= 0 && offBy(d, voted.wd) <= late);
  const before: DayClue[] = [...c.before];
  for (const h of hintsOf(hints)) {
    if (h.crawl) {
      before.push({ day: h.day, why: `crawled ${isoDay(h.day)} (${h.source})` });
      continue;
    }
    if (agrees(h.day, 1)) return dayOf(h.day, `metadata ${h.source}: ${isoDay(h.day)}${weekdayNote(voted)}`);
    before.push({ day: h.day, why: `metadata ${h.source} ${isoDay(h.day)}, contradicted by the text's weekday` });
  }
  const stated = c.published.find((d) => agrees(d.day, 1));
  if (stated) return dayOf(stated.day, `the page states its publication: ${stated.why}${weekdayNote(voted)}`);
  const anchor = c.anchors.find((a) => agrees(a.day));
  if (anchor) return dayOf(anchor.day, `the text dates its own day: ${anchor.why}`);
  const firm = c.datelines.filter((d) => !d.others && agrees(d.day, 1));
  if (firm[0]) return dayOf(firm[0].day, `${firm[0].why}${weekdayNote(voted)}`);
  const pairs = unique(c.pairs.filter((p) => agrees(p.day)));
  if (pairs.length === 1) return dayOf(pairs[0]!.day, `${pairs[0]!.why}${weekdayNote(voted)}`);
  return open(c, voted, before, agrees);
}

function unique(clues: DayClue[]): DayClue[] {
  const seen = new Map<string, DayClue>();
  for (const k of clues) if (!seen.has(isoDay(k.day))) seen.set(isoDay(k.day), k);
  return [...seen.values()];
}

/** No single day: the candidates still open and the constraints the page does fix. */
function open(
  c: Clues,
  voted: { wd: number; texts: string[] } | null,
  before: DayClue[],
  agrees: (d: DT, late?: number) => boolean,
): Published {
  const ambiguous = c.datelines.filter((d) => d.others);
  const candidates: DT[] = [];
  const why: string[] = [];
  for (const d of ambiguous) {
    const all = [d.day, ...(d.others ?? [])].filter((x) => agrees(x, 1));
    candidates.push(...all);
    if (all.length) why.push(`${d.why} reads ${all.map(isoDay).join(" or ")}`);
  }
  const constraints: PublishedConstraints = {};
  if (voted) {
    constraints.weekday = WEEKDAY_NAMES[voted.wd]!;
    why.push(`the text's ${voted.texts.map((t) => `"${t}"`).join(", ")} make it a ${WEEKDAY_NAMES[voted.wd]}`);
  }
  const after = c.after.reduce<DT | null>((a, b) => (a === null || compare(b, a) > 0 ? b : a), null);
  if (after) constraints.after = isoAt(after, after.d === 1 && c.after.some((x) => x === after) ? "day" : "day");
  const upper = before.reduce<DayClue | null>((a, b) => (a === null || compare(b.day, a.day) < 0 ? b : a), null);
  if (upper) {
    constraints.before = isoDay(upper.day);
    why.push(`not taken as the date: ${before.map((b) => b.why).join("; ")}`);
  }
  const uniq = [...new Set(candidates.map(isoDay))];
  const p: Published = {
    date: uniq.length === 1 ? uniq[0]! : null,
    precision: uniq.length === 1 ? "day" : null,
    candidates: uniq,
    evidence: why.length ? why.join("; ") : "the page states no date of its own",
  };
  if (Object.keys(constraints).length) p.constraints = constraints;
  return p;
}
