/**
 * Dates of an article: expressions in its clean `text` (offsets into it) and in the blocks kept apart from it
 * (captions and datelines: `block` plus offsets into that block's text), resolved against the publication date
 * when one is known.
 */
import type { Article, BlockRole, DatePrecision, DateRef } from "../../core/types.js";
import { daysBetween, hhmm, isoAt, parseIsoDay, type DT } from "./calendar.js";
import { findDates, type FoundDate } from "./find.js";
import { resolve, type Bias, type Resolved, type ResolveOptions } from "./resolve.js";

export interface DateSource {
  found: FoundDate;
  /** Index into `article.blocks` for an expression outside `text`. */
  block?: number;
  role: BlockRole | "text";
}

/** Blocks outside `text` whose dates are reported with the article (chrome is read only as evidence). */
const SIDE_BLOCKS: ReadonlySet<BlockRole> = new Set(["caption", "dateline"]);
const SCANNED_BLOCKS: ReadonlySet<BlockRole> = new Set(["caption", "dateline", "chrome"]);

const cache = new WeakMap<Article, { text: string; blocks: Article["blocks"]; sources: DateSource[] }>();

/** Every temporal expression of the article, with where it was found. Cached per article and text. */
export function dateSources(article: Article): DateSource[] {
  const hit = cache.get(article);
  if (hit && hit.text === article.text && hit.blocks === article.blocks) return hit.sources;
  const sources: DateSource[] = findDates(article.text).map((found) => ({ found, role: "text" as const }));
  article.blocks.forEach((b, i) => {
    if (!SCANNED_BLOCKS.has(b.role)) return;
    for (const found of findDates(b.text)) sources.push({ found, block: i, role: b.role });
  });
  cache.set(article, { text: article.text, blocks: article.blocks, sources });
  return sources;
}

/** The latest explicit year the article states (outside chrome): the year for a day-and-month without one. */
export function yearHint(sources: readonly DateSource[]): number | undefined {
  let best: number | undefined;
  for (const s of sources) {
    const e = s.found.expr;
    if (s.role === "chrome" || e.t !== "date" || e.y === undefined) continue;
    if (best === undefined || e.y > best) best = e.y;
  }
  return best;
}

function precisionOf(r: Resolved): DatePrecision | "time" {
  if (r.grain === "year" || r.grain === "month") return r.grain;
  if (r.grain === "day" || r.grain === "week") return "day";
  return "time";
}

/** Past further than this from the publication date, a date is the story's background. */
const BACKGROUND_DAYS = 45;

function roleOf(src: DateSource, r: Resolved | null, ref: DT | null): "own" | "background" {
  const e = src.found.expr;
  const absolute = e.t === "date" || e.t === "holiday" || e.t === "interval" || e.t === "part" || e.t === "nth";
  if (!absolute) return "own";
  if (src.found.cues.since || src.found.cues.file) return "background";
  if (r && ref) return Math.abs(daysBetween(ref, r.start)) > BACKGROUND_DAYS ? "background" : "own";
  if (e.t === "date" && e.d === undefined && e.y !== undefined) return "background";
  return "own";
}

export interface RefOptions {
  ref: DT | null;
  yearHint?: number;
  /** How open expressions read (default `past`, news; see resolve.ts). */
  bias?: Bias;
}

/** The DateRef of one source, resolved against `opts.ref`. */
export function toDateRef(src: DateSource, opts: RefOptions): DateRef {
  const f = src.found;
  let expr = f.expr;
  if (expr.t === "weekday" && expr.dir === null && f.cues.future) expr = { ...expr, dir: 1 };
  const ro: ResolveOptions = { ref: opts.ref };
  if (opts.yearHint !== undefined) ro.yearHint = opts.yearHint;
  if (opts.bias !== undefined) ro.bias = opts.bias;
  const r = resolve(expr, ro);
  const ref: DateRef = { text: f.text, value: null, start: f.start, end: f.end };
  if (src.block !== undefined) ref.block = src.block;
  // A resolution outside years 1–9999 ("قبل 2016 عام" from a 2016 reference) has no ISO form: leave it unresolved.
  if (r && r.start.y >= 1 && r.start.y <= 9999) {
    const value = isoAt(r.start, r.grain);
    ref.precision = precisionOf(r);
    if (ref.precision === "time") ref.time = hhmm(r.start);
    const others = (r.others ?? []).map((o) => isoAt(o, r.grain));
    if (others.length === 0) ref.value = value;
    else {
      ref.candidates = [value, ...others];
      ref.value = settle(ref.candidates, opts.ref);
    }
  }
  ref.role = roleOf(src, r, opts.ref);
  return ref;
}

/** Of several readings, the one within a few weeks of the reference when only one is; else null (still open). */
function settle(candidates: readonly string[], ref: DT | null): string | null {
  if (!ref) return null;
  const near = candidates.filter((c) => {
    const d = parseIsoDay(c);
    return d !== null && Math.abs(daysBetween(ref, d)) <= BACKGROUND_DAYS;
  });
  return near.length === 1 ? near[0]! : null;
}

/** The article's DateRefs (text, captions, datelines), resolved against `ref` (the publication day, or null). */
export function annotateDates(article: Article, ref: DT | null): DateRef[] {
  const sources = dateSources(article);
  const hint = yearHint(sources);
  const opts: RefOptions = hint === undefined ? { ref } : { ref, yearHint: hint };
  // "الآن" in an article is its own moment ("حتى الآن": so far); it dates nothing the reader needs.
  const kept = sources.filter(
    (s) => (s.role === "text" || SIDE_BLOCKS.has(s.role as BlockRole)) && s.found.expr.t !== "now",
  );
  return kept.map((s) => toDateRef(s, opts));
}

/** The publication day of an article as a reference time, when it is known to the day. */
export function publicationRef(article: Article): DT | null {
  const p = article.published;
  return p.date !== null && p.precision === "day" ? parseIsoDay(p.date) : null;
}
