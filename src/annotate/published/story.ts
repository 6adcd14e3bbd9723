/**
 * Publication dates across the articles of one story. A page that does not fix its own day often fixes enough to
 * be placed once its neighbours are: the articles of a story report the same events within days of each other.
 *
 *   1. Anchors: the days of the settled articles and the own day-precision dates in them (002 settled: its
 *      "اليوم (الخميس)" is 2016-02-11).
 *   2. An article with several candidate days (a d/m vs m/d dateline) takes the candidate nearest the anchors and
 *      the full dates the other articles state, when it is clearly nearer (within 60 days, and the next one at least
 *      twice as far plus a week).
 *   3. An article that fixes only its weekday takes the day with that weekday nearest an anchor, within a week,
 *      inside its after/before bounds, when no other such day is as near.
 *
 * Repeated until nothing changes: each settled article brings new anchors. Articles that fix nothing stay `null`.
 */
import type { Article, Published } from "../../core/types.js";
import {
  addDays,
  compare,
  daysBetween,
  isoDay,
  parseIsoDay,
  weekday,
  WEEKDAY_NAMES,
  type DT,
} from "../dates/calendar.js";
import { annotateDates, dateSources, publicationRef } from "../dates/article.js";

interface Anchor {
  day: DT;
  why: string;
  /** The day a sibling was published (not a date it mentions). */
  published?: boolean;
}

function label(a: Article): string {
  return a.source.path || a.id;
}

/** Day and own dates of one settled article (none when it is not settled). */
function ownAnchors(a: Article): Anchor[] {
  // A feed's or crawler's timestamp is a fallback, not evidence for the neighbours.
  if (fallback(a)) return [];
  const ref = publicationRef(a);
  if (!ref) return [];
  const out: Anchor[] = [{ day: ref, why: `${label(a)} is dated ${isoDay(ref)}`, published: true }];
  for (const d of annotateDates(a, ref)) {
    const day = d.value !== null && d.precision === "day" && d.role === "own" ? parseIsoDay(d.value) : null;
    if (day) out.push({ day, why: `${label(a)} puts "${d.text}" on ${isoDay(day)}` });
  }
  return out;
}

/** Full dates one article states (not chrome), for choosing between candidate readings. */
function statedAnchors(a: Article): Anchor[] {
  const out: Anchor[] = [];
  for (const s of dateSources(a)) {
    const e = s.found.expr;
    if (
      s.role === "chrome" ||
      s.found.cues.update ||
      e.t !== "date" ||
      e.y === undefined ||
      e.m === undefined ||
      e.d === undefined ||
      e.alts
    )
      continue;
    out.push({ day: { y: e.y, m: e.m, d: e.d, h: 0, mi: 0, s: 0 }, why: `${label(a)} states "${s.found.text}"` });
  }
  return out;
}

/**
 * Each article's anchors, computed once and recomputed only for an article whose date changes: annotating an
 * article's dates is the costly part, and doing it again for every other article made a story quadratic.
 */
class AnchorCache {
  private readonly own = new Map<Article, Anchor[]>();
  private readonly stated = new Map<Article, Anchor[]>();

  constructor(private readonly articles: readonly Article[]) {}

  /** Days and own dates of the settled articles other than `skip`, in story order. */
  anchors(skip: Article): Anchor[] {
    return this.gather(skip, this.own, ownAnchors);
  }

  /** Full dates the articles other than `skip` state, in story order. */
  statedDays(skip: Article): Anchor[] {
    return this.gather(skip, this.stated, statedAnchors);
  }

  /** `a`'s date changed: its anchors are stale. */
  invalidate(a: Article): void {
    this.own.delete(a);
    this.stated.delete(a);
  }

  private gather(skip: Article, cache: Map<Article, Anchor[]>, make: (a: Article) => Anchor[]): Anchor[] {
    const out: Anchor[] = [];
    for (const a of this.articles) {
      if (a === skip) continue;
      let list = cache.get(a);
      if (!list) cache.set(a, (list = make(a)));
      for (const x of list) out.push(x);
    }
    return out;
  }
}

function nearest(day: DT, anchors: readonly Anchor[]): { dist: number; anchor: Anchor } | null {
  let best: { dist: number; anchor: Anchor } | null = null;
  for (const anchor of anchors) {
    const dist = Math.abs(daysBetween(day, anchor.day));
    if (!best || dist < best.dist) best = { dist, anchor };
  }
  return best;
}

function settled(date: DT, evidence: string): Published {
  return { date: isoDay(date), precision: "day", candidates: [isoDay(date)], evidence, source: "story" };
}

/** Dated only by the feed item's or record's timestamp: the story may still place it. */
function fallback(a: Article): boolean {
  return a.published.source === "feed" || a.published.source === "crawl";
}

/** Step 2: one of several candidate days. */
function chooseCandidate(a: Article, anchors: readonly Anchor[]): Published | null {
  const days = a.published.candidates.map(parseIsoDay).filter((d): d is DT => d !== null);
  const scored = days.map((d) => ({ d, n: nearest(d, anchors) })).filter((x) => x.n !== null);
  scored.sort((x, y) => x.n!.dist - y.n!.dist);
  const [best, next] = scored;
  if (!best || best.n!.dist > 60 || (next && next.n!.dist < 2 * best.n!.dist + 7)) return null;
  return settled(
    best.d,
    `${a.published.evidence}; ${isoDay(best.d)} is the reading nearest the story (${best.n!.anchor.why})`,
  );
}

function inBounds(day: DT, p: Published): boolean {
  const after = p.constraints?.after
    ? parseIsoDay(p.constraints.after.length === 7 ? `${p.constraints.after}-01` : p.constraints.after)
    : null;
  const before = p.constraints?.before ? parseIsoDay(p.constraints.before) : null;
  return (!after || compare(day, after) > 0) && (!before || compare(day, before) < 0);
}

/** Step 3: the day with the article's weekday nearest the story. */
function chooseWeekday(a: Article, anchors: readonly Anchor[]): Published | null {
  const name = a.published.constraints?.weekday;
  const wd = WEEKDAY_NAMES.findIndex((n) => n === name);
  if (wd < 0) return null;
  const options: Array<{ d: DT; dist: number; anchor: Anchor }> = [];
  for (const anchor of anchors) {
    const cur = weekday(anchor.day.y, anchor.day.m, anchor.day.d);
    for (const delta of [(wd - cur + 7) % 7, ((wd - cur + 7) % 7) - 7]) {
      const d = addDays(anchor.day, delta);
      if (Math.abs(delta) <= 7 && inBounds(d, a.published)) options.push({ d, dist: Math.abs(delta), anchor });
    }
  }
  options.sort((x, y) => x.dist - y.dist);
  const first = options[0];
  if (!first) return null;
  const best = settleTie(
    options.filter((o) => o.dist === first.dist),
    anchors.filter((x) => x.published === true),
  );
  if (!best) return null;
  return settled(
    best.d,
    `${a.published.evidence}; the ${name} nearest the story is ${isoDay(best.d)} (${best.anchor.why})`,
  );
}

/**
 * Equally near days (a sibling's "Thursday" and another Thursday it mentions two weeks earlier): the one nearest a
 * sibling's own publication day, when it is strictly nearest (articles of a story appear within days of each other;
 * the dates they mention can be anywhere). Null when that does not settle it.
 */
function settleTie<T extends { d: DT }>(tied: readonly T[], published: readonly Anchor[]): T | null {
  const days = [...new Map(tied.map((o) => [isoDay(o.d), o])).values()];
  if (days.length === 1) return days[0]!;
  const scored = days
    .map((o) => ({ o, dist: nearest(o.d, published)?.dist ?? Infinity }))
    .sort((x, y) => x.dist - y.dist);
  const [a, b] = scored;
  return a && b && a.dist < b.dist ? a.o : null;
}

/**
 * Infers the missing publication dates of one story's articles from each other, with evidence, and re-resolves
 * their relative dates against the days found. Returns new Article objects (the inputs are not changed), in the
 * same order. Articles whose day is settled, or that fix nothing to place them by, are returned as they are.
 */
export function inferStoryDates(articles: readonly Article[]): Article[] {
  const out = articles.map((a) => ({ ...a }));
  const cache = new AnchorCache(out);
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const a of out) {
      if (a.published.date !== null && a.published.precision === "day" && !fallback(a)) continue;
      const multi = a.published.candidates.length > 1;
      const p = multi
        ? chooseCandidate(a, [...cache.anchors(a), ...cache.statedDays(a)])
        : chooseWeekday(a, cache.anchors(a));
      if (!p) continue;
      a.published = p;
      a.dates = annotateDates(a, publicationRef(a));
      cache.invalidate(a);
      changed = true;
    }
    if (!changed) break;
  }
  return out;
}
