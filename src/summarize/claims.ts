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
}

export function storyClaims(articles: readonly Article[], corpus: Corpus, ids: readonly string[]): Claim[] {
  const figs: Fig[] = [];
  articles.forEach((a, i) => {
    const inText = a.figures.filter((f) => f.block === undefined && f.unit !== null);
    for (const f of inText) {
      const unit = corpus.byArticle[i]!.find((u) => u.start <= f.start && f.start < u.end);
      if (unit) figs.push(describe(f, i, unit, inText));
    }
  });
  const groups = group(figs);
  return groups
    .filter((g) => new Set(g.map((f) => f.article)).size >= 2)
    .map((g) => toClaim(g, ids))
    .sort((x, y) => Number(x.agree) - Number(y.agree) || y.values.length - x.values.length);
}

function describe(f: Figure, article: number, unit: Unit, siblings: readonly Figure[]): Fig {
  const from = Math.max(unit.start, ...siblings.filter((s) => s.end <= f.start).map((s) => s.end));
  const to = Math.min(unit.end, ...siblings.filter((s) => s.start >= f.end).map((s) => s.start));
  const base = unit.start;
  const terms = analyzeWithOffsets(unit.text).filter((t) => t.start + base >= from && t.end + base <= to && !/^\d/u.test(t.term));
  const before = terms.filter((t) => t.end + base <= f.start).reverse().slice(0, WINDOW);
  const after = terms.filter((t) => t.start + base >= f.end).slice(0, WINDOW);
  const context = new Map<string, number>();
  const add = (t: string, w: number) => context.set(t, Math.max(context.get(t) ?? 0, w));
  before.forEach((t, d) => add(t.term, 1 / (1 + d)));
  after.forEach((t, d) => add(t.term, 1 / (1 + d)));
  if (f.about) for (const t of analyzeWithOffsets(f.about)) if (!/^\d/u.test(t.term)) add(t.term, 1);
  let mass = 0;
  for (const w of context.values()) mass += w;
  const phrase = surroundings(unit, f, from, to);
  return { figure: f, article, context, mass, phrase };
}

function sim(a: Fig, b: Fig): number {
  if (a.figure.unit !== b.figure.unit || a.mass === 0 || b.mass === 0) return 0;
  let shared = 0;
  for (const [t, w] of a.context) shared += Math.min(w, b.context.get(t) ?? 0);
  return shared / Math.min(a.mass, b.mass);
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

function toClaim(g: readonly Fig[], ids: readonly string[]): Claim {
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
  const left = text.slice(from - unit.start, f.start - unit.start).trim().split(/\s+/u).filter(Boolean).slice(-PHRASE_WORDS);
  const right = text.slice(f.end - unit.start, to - unit.start).trim().split(/\s+/u).filter(Boolean).slice(0, PHRASE_WORDS);
  return [...left, f.text, ...right].join(" ").replace(/[\s،,.؛:]+$/u, "");
}
