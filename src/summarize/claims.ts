import { analyzeWithOffsets } from "../analysis/ar/index.js";
import type { Article, Claim, ClaimValue, Figure } from "../core/types.js";
import type { Corpus, Unit } from "./units.js";

/**
 * Figures grouped by what they measure, compared across sources.
 *
 * What a figure measures is read from its unit and its neighbourhood: the figure's own `about` (the annotator's
 * words for it) and the content terms around it in its sentence, up to the neighbouring figure (so that in "40% of
 * the land in Iraq and 10% in Syria" each figure keeps its own place), heavier the closer they are:
 *
 *   context(f) = { t: 1 / (1 + distance in terms) }  ∪  { t ∈ about(f): 1 }
 *   sim(f, g)  = Σ_t min(f_t, g_t) / min(Σ f, Σ g)              (only when unit(f) = unit(g))
 *
 * Figures of different articles whose sim ≥ SAME_MEASURE are joined (average link over the group), so a claim
 * compares what several sources say about one thing. `agree` is true when every source gives the same value.
 */
export const SAME_MEASURE = 0.35;
/** Weight of the whole sentences' shared terms. */
const WIDE = 0.3;
/**
 * Both figures report on the same day: one event, and with one unit presumed one measure unless the words around
 * them or their places say otherwise. Reports of different days may still restate one figure (a share of land
 * lost), so they are only weakly set apart.
 */
const SAME_DAY = 0.35;
const OTHER_DAY = -0.05;
/** Both scoped to one place (the share of Iraq, of Syria): more likely one measure; to different places: not. */
const SAME_PLACE = 0.15;
const OTHER_PLACE = -0.5;
/** Terms on each side of a figure that describe it. */
const WINDOW = 6;
const PHRASE_WORDS = 4;

interface Fig {
  figure: Figure;
  article: number;
  context: Map<string, number>;
  mass: number;
  /** The figure with the words around it, for a claim's `about` when the annotator gave none. */
  phrase: string;
  /** Content terms of the whole sentence: weaker evidence of the same subject. */
  sentence: Set<string>;
  /** The day the figure's sentence (else its article) reports on, when known. */
  day: string | null;
  /** The first place named after the figure, before the next figure: what a share or a count is scoped to. */
  place: string | null;
}

export function storyClaims(articles: readonly Article[], corpus: Corpus, ids: readonly string[]): Claim[] {
  const figs: Fig[] = [];
  articles.forEach((a, i) => {
    const inText = a.figures.filter((f) => f.block === undefined && f.unit !== null);
    const articleDay = eventDay(a, 0, a.text.length) ?? (a.published.precision === "day" ? a.published.date : null);
    for (const f of inText) {
      const unit = corpus.byArticle[i]!.find((u) => u.start <= f.start && f.start < u.end);
      if (!unit) continue;
      const fig = describe(f, i, unit, inText);
      figs.push({ ...fig, day: eventDay(a, unit.start, unit.end) ?? articleDay, place: placeAfter(a, f, fig.to) });
    }
  });
  const groups = group(figs);
  return groups
    .filter((g) => new Set(g.map((f) => f.article)).size >= 2)
    .map((g) => toClaim(g, ids))
    .sort((x, y) => Number(x.agree) - Number(y.agree) || y.values.length - x.values.length);
}

/** The own, day-precision date stated most often between `from` and `to` (the article's news day), if any. */
function eventDay(a: Article, from: number, to: number): string | null {
  const counts = new Map<string, number>();
  for (const d of a.dates) {
    if (d.block !== undefined || d.value === null || d.value.length !== 10 || d.role === "background") continue;
    if (d.start >= from && d.end <= to) counts.set(d.value, (counts.get(d.value) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** The entity id of the first place mentioned in [figure end, `to`). */
function placeAfter(a: Article, f: Figure, to: number): string | null {
  let best: { id: string; start: number } | null = null;
  for (const e of a.entities) {
    if (e.type !== "place") continue;
    for (const m of e.mentions) {
      if (m.block === undefined && m.start >= f.end && m.end <= to && (!best || m.start < best.start))
        best = { id: e.id, start: m.start };
    }
  }
  return best?.id ?? null;
}

function describe(
  f: Figure,
  article: number,
  unit: Unit,
  siblings: readonly Figure[],
): Omit<Fig, "day" | "place"> & { to: number } {
  const from = Math.max(unit.start, ...siblings.filter((s) => s.end <= f.start).map((s) => s.end));
  const to = Math.min(unit.end, ...siblings.filter((s) => s.start >= f.end).map((s) => s.start));
  const base = unit.start;
  const terms = analyzeWithOffsets(unit.text).filter(
    (t) => t.start + base >= from && t.end + base <= to && !/^\d/u.test(t.term),
  );
  const before = terms
    .filter((t) => t.end + base <= f.start)
    .reverse()
    .slice(0, WINDOW);
  const after = terms.filter((t) => t.start + base >= f.end).slice(0, WINDOW);
  const context = new Map<string, number>();
  const add = (t: string, w: number) => context.set(t, Math.max(context.get(t) ?? 0, w));
  before.forEach((t, d) => add(t.term, 1 / (1 + d)));
  after.forEach((t, d) => add(t.term, 1 / (1 + d)));
  if (f.about) for (const t of analyzeWithOffsets(f.about)) if (!/^\d/u.test(t.term)) add(t.term, 1);
  let mass = 0;
  for (const w of context.values()) mass += w;
  const phrase = surroundings(unit, f, from, to);
  const sentence = new Set(
    analyzeWithOffsets(unit.text)
      .map((t) => t.term)
      .filter((t) => !/^\d/u.test(t)),
  );
  return { figure: f, article, context, mass, phrase, sentence, to };
}

function sim(a: Fig, b: Fig): number {
  if (a.figure.unit !== b.figure.unit || a.mass === 0 || b.mass === 0) return 0;
  let shared = 0;
  for (const [t, w] of a.context) shared += Math.min(w, b.context.get(t) ?? 0);
  let common = 0;
  for (const t of a.sentence) if (b.sentence.has(t)) common++;
  const near = shared / Math.min(a.mass, b.mass);
  const wide = common / Math.max(1, Math.min(a.sentence.size, b.sentence.size));
  const sameDay = a.day === null || b.day === null ? 0 : a.day === b.day ? SAME_DAY : OTHER_DAY;
  const place = a.place === null || b.place === null ? 0 : a.place === b.place ? SAME_PLACE : OTHER_PLACE;
  return near + WIDE * wide + sameDay + place;
}

/** Greedy average-link grouping: each figure joins the group it is closest to on average, if close enough. */
function group(figs: readonly Fig[]): Fig[][] {
  const groups: Fig[][] = [];
  for (const f of figs) {
    let best: Fig[] | undefined;
    let bestSim = SAME_MEASURE;
    for (const g of groups) {
      const others = g.filter((x) => x.article !== f.article);
      if (others.length === 0) continue;
      const s = others.reduce((acc, x) => acc + sim(f, x), 0) / others.length;
      if (s >= bestSim) [best, bestSim] = [g, s];
    }
    if (best) best.push(f);
    else groups.push([f]);
  }
  return groups;
}

/**
 * One article gives one value for one measure: where a group holds several figures of one article with different
 * values, the one whose own text names what it counts ("49 بلدا", not a bare "28" whose unit was inferred) stays,
 * then the one closest to the figures of the other articles.
 */
function onePerArticle(g: readonly Fig[]): Fig[] {
  const keep = new Map<number, Fig>();
  const score = (f: Fig) =>
    (/\p{L}/u.test(f.figure.text) ? 10 : 0) +
    g.filter((x) => x.article !== f.article).reduce((s, x) => s + sim(f, x), 0);
  for (const f of g) {
    const cur = keep.get(f.article);
    if (!cur || score(f) > score(cur)) keep.set(f.article, f);
  }
  return g.filter((f) => f === keep.get(f.article) || f.figure.value === keep.get(f.article)!.figure.value);
}

function toClaim(group: readonly Fig[], ids: readonly string[]): Claim {
  const g = onePerArticle(group);
  const values: ClaimValue[] = [];
  const seen = new Set<string>();
  for (const f of g) {
    const key = `${f.article}:${f.figure.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const v: ClaimValue = { value: f.figure.value, unit: f.figure.unit, text: f.figure.text, article: ids[f.article]! };
    if (f.figure.qualifier) v.qualifier = f.figure.qualifier;
    values.push(v);
  }
  const about = g.find((f) => f.figure.about)?.figure.about ?? g[0]!.phrase;
  return { about, values, agree: new Set(values.map((v) => v.value)).size === 1 };
}

/** Up to PHRASE_WORDS words on each side of the figure, within its sentence and short of its neighbours. */
function surroundings(unit: Unit, f: Figure, from: number, to: number): string {
  const text = unit.text;
  const left = text
    .slice(from - unit.start, f.start - unit.start)
    .trim()
    .split(/\s+/u)
    .filter(Boolean)
    .slice(-PHRASE_WORDS);
  const right = text
    .slice(f.end - unit.start, to - unit.start)
    .trim()
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, PHRASE_WORDS);
  return [...left, f.text, ...right].join(" ").replace(/[\s،,.؛:]+$/u, "");
}
