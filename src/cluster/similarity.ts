import { vectorOf, type ArticleFeatures } from "./features.js";
import type { Profile } from "./profile.js";
import type { TermVector } from "./vector.js";

/** How much each kind of evidence counts; a kind that neither side has is left out and the rest re-weighted. */
export interface Weights {
  terms: number;
  entities: number;
  title: number;
}

/** Days within which time costs nothing, and the decay length past them, for one level of grouping. */
/**
 * How an article is compared with a group's term centroid: `average` is the mean cosine with the members (dot with
 * the sum, over the member count), strict with loose groups, right for events; `centroid` is the cosine with the
 * centroid's direction, tolerant of a group whose members drift, right for topics.
 */
export type Link = "average" | "centroid";

export interface TimeScale {
  /** Gap (days) that costs nothing. */
  free: number;
  /** e-folding length (days) of the decay past `free`. */
  decay: number;
}

/** The decision's reasons, stored with it: each feature's score, the gap and the factor it gave. */
export interface Evidence {
  score: number;
  terms: number;
  entities: number | null;
  title: number | null;
  /** Days between the article and the group's span; null when either is undated. */
  gapDays: number | null;
  timeFactor: number;
  /** The heaviest terms the two share, for a person to read. */
  shared: string[];
  /** The place factor applied (groups only; 1 when the places do not tell the two apart), see placeFactor. */
  placeFactor?: number;
}

/** When two groups happen in different places, and what that costs their score (placeFactor). */
export interface PlaceRule {
  /** Factor on the score when the places differ; 1: off. */
  penalty: number;
  /** Share of a group's members naming a place most (`mainPlaces`) for the place to dominate the group. */
  dominant: number;
  /** At most this share of the other group's members may name it at all for the place to be foreign there. */
  foreign: number;
}

/**
 * Whether two groups happen in different places: each has a dominant place (the place most named by ≥ `dominant`
 * of its members) that the other hardly names at all (≤ `foreign` of its members). Two earthquakes, two
 * elections, two floods in two countries are then told apart even when their vocabulary is the same. A topic whose
 * places vary (a tour through several capitals) has no dominant place and is never penalised; a story in Mosul next
 * to a topic about the war in Iraq is not either, as the topic names Mosul or the story names Iraq. Returns
 * `rule.penalty` when they differ, else 1 (also without a rule).
 */
export function placeFactor(a: Profile, b: Profile, rule?: PlaceRule): number {
  if (rule === undefined || rule.penalty >= 1 || a.n === 0 || b.n === 0) return 1;
  return foreignDominant(a, b, rule) && foreignDominant(b, a, rule) ? rule.penalty : 1;
}

/** Whether `p` has a dominant place that `other` hardly names (see placeFactor). */
function foreignDominant(p: Profile, other: Profile, rule: PlaceRule): boolean {
  for (const [x, c] of p.mainPlaces)
    if (c >= rule.dominant * p.n && (other.places.get(x) ?? 0) <= rule.foreign * other.n) return true;
  return false;
}

/**
 * Score of `f` against a group profile:
 *
 *   content = (wT·cos(terms) + wE·entities + wH·title) / (wT + wE + wH)     (absent kinds left out)
 *   score   = content × exp(−max(0, gap − free) / decay)
 *
 * cos is the cosine of the article's unit vector with the centroid. entities and title are the idf-weighted share
 * of the article's entities (title terms) that the group also has.
 */
export function score(
  f: ArticleFeatures,
  p: Profile,
  w: Weights,
  time: TimeScale,
  idf: (key: string) => number,
  link: Link = "centroid",
): Evidence {
  const shared = vectorOf(f).shared(p.centroid);
  let d = 0;
  for (const [, xy] of shared) d += xy;
  const cos = cosine(d, p, link);
  const entities = f.entities.length > 0 && p.entities.size > 0 ? weightedShare(f.entities, p.entities, idf) : null;
  const title = f.title.length > 0 && p.title.size > 0 ? weightedShare(f.title, p.title, idf) : null;
  const gapDays = gap(f.day, p.first, p.last);
  const timeFactor = gapDays === null ? 1 : Math.exp(-Math.max(0, gapDays - time.free) / time.decay);
  shared.sort((a, b) => b[1] - a[1]);
  return {
    score: combine(w, cos, entities, title) * timeFactor,
    terms: cos,
    entities,
    title,
    gapDays,
    timeFactor,
    shared: shared.slice(0, 8).map(([t]) => t),
  };
}

/**
 * `score(…).score` without the evidence: what ranking the candidates needs (the evidence is then made for the
 * chosen one only). The same arithmetic in the same order, so the two never disagree; a kind whose weight is 0 is
 * not computed (it adds nothing to either sum).
 */
export function scoreValue(
  f: ArticleFeatures,
  p: Profile,
  w: Weights,
  time: TimeScale,
  idf: (key: string) => number,
  link: Link = "centroid",
): number {
  const cos = cosine(vectorOf(f).dot(p.centroid), p, link);
  const entities =
    w.entities !== 0 && f.entities.length > 0 && p.entities.size > 0
      ? weightedShare(f.entities, p.entities, idf)
      : null;
  const title = w.title !== 0 && f.title.length > 0 && p.title.size > 0 ? weightedShare(f.title, p.title, idf) : null;
  const gapDays = gap(f.day, p.first, p.last);
  const timeFactor = gapDays === null ? 1 : Math.exp(-Math.max(0, gapDays - time.free) / time.decay);
  return combine(w, cos, entities, title) * timeFactor;
}

/** The article's dot product with the centroid, as the link reads it. */
function cosine(d: number, p: Profile, link: Link): number {
  if (link === "average") return p.n > 0 ? d / p.n : 0;
  return p.length > 0 ? d / p.length : 0;
}

/** (wT·terms + wE·entities + wH·title) / (wT + wE + wH), leaving out the kinds that are null. */
function combine(w: Weights, terms: number, entities: number | null, title: number | null): number {
  let num = w.terms * terms;
  let den = w.terms;
  if (entities !== null) {
    num += w.entities * entities;
    den += w.entities;
  }
  if (title !== null) {
    num += w.title * title;
    den += w.title;
  }
  return num / den;
}

/**
 * Share of `keys`' idf mass that `have` also holds (`empty` when there are no keys). Entity ids are not terms: their
 * idf is their own.
 */
export function weightedShare(
  keys: readonly string[],
  have: TermVector,
  idf: (key: string) => number,
  empty = 0,
): number {
  let all = 0;
  let hit = 0;
  for (const k of keys) {
    const w = idf(k);
    all += w;
    if (have.get(k) !== undefined) hit += w;
  }
  return all > 0 ? hit / all : empty;
}

/** Days from `day` to the span [first, last]; 0 inside it; null when either side is undated. */
export function gap(day: number | null, first: number | null, last: number | null): number | null {
  if (day === null || first === null || last === null) return null;
  if (day < first) return first - day;
  if (day > last) return day - last;
  return 0;
}

/**
 * Average-link score of two groups (a topic and another topic): the mean, over every pair of one member of each, of
 * what `score` weighs for one article — term cosine, shared entities, shared title words — computed from the
 * profiles' sums without the members:
 *
 *   terms    = Σ_t A[t]·B[t] / (nA·nB)                     (A, B: sums of unit vectors)
 *   entities = Σ_e cA[e]·cB[e] / (nA·nB·m)                 (m: mean entities per member, so a pair sharing all is ~1)
 *
 * Comparing group with group this way is what offline average-link clustering merges on; done whenever a group
 * changes, it makes the outcome depend little on the order in which the members came. A pair whose terms part is
 * below `minTerms` scores 0.
 */
export function groupScore(
  a: Profile,
  b: Profile,
  w: Weights,
  time: TimeScale,
  places?: PlaceRule,
  minTerms = 0,
  minEntities = 0,
  minTermsAlone = Infinity,
  oneOutletApart = false,
): Evidence {
  const pairs = a.n * b.n;
  if (pairs === 0 || (oneOutletApart && sameSoleOutlet(a, b)))
    return { score: 0, terms: 0, entities: null, title: null, gapDays: null, timeFactor: 1, shared: [] };
  const shared = a.centroid.shared(b.centroid);
  const terms = a.centroid.dot(b.centroid) / pairs;
  const entities = pairShare(a.entities, b.entities, a.entityMass + b.entityMass, a, b);
  const title = pairShare(a.title, b.title, a.titleMass + b.titleMass, a, b);
  const gapDays = spanGap(a, b);
  const timeFactor = gapDays === null ? 1 : Math.exp(-Math.max(0, gapDays - time.free) / time.decay);
  shared.sort((x, y) => y[1] - x[1]);
  const factor = placeFactor(a, b, places);
  const top = shared.slice(0, 8).map(([t]) => t);
  return {
    score: apart(terms, entities, minTerms, minEntities, minTermsAlone)
      ? 0
      : combine(w, terms, entities, title) * timeFactor * factor,
    terms,
    entities,
    title,
    gapDays,
    timeFactor,
    shared: top,
    placeFactor: factor,
  };
}

/** `groupScore(…).score` without the evidence (see scoreValue): for ranking neighbours and re-clustering. */
export function groupScoreValue(
  a: Profile,
  b: Profile,
  w: Weights,
  time: TimeScale,
  places?: PlaceRule,
  minTerms = 0,
  minEntities = 0,
  minTermsAlone = Infinity,
  oneOutletApart = false,
): number {
  const pairs = a.n * b.n;
  if (pairs === 0 || (oneOutletApart && sameSoleOutlet(a, b))) return 0;
  const terms = a.centroid.dot(b.centroid) / pairs;
  // Words that do not agree on their own: shared names and headline words alone do not make one subject.
  if (terms < minTerms) return 0;
  const entities =
    w.entities !== 0 || minEntities > 0 ? pairShare(a.entities, b.entities, a.entityMass + b.entityMass, a, b) : null;
  if (apart(terms, entities, minTerms, minEntities, minTermsAlone)) return 0;
  const title = w.title !== 0 ? pairShare(a.title, b.title, a.titleMass + b.titleMass, a, b) : null;
  const gapDays = spanGap(a, b);
  const timeFactor = gapDays === null ? 1 : Math.exp(-Math.max(0, gapDays - time.free) / time.decay);
  return combine(w, terms, entities, title) * timeFactor * placeFactor(a, b, places);
}

/**
 * Whether two groups are kept apart whatever their score: words that do not agree on their own (`minTerms`), or,
 * when both name specific entities, too few shared (`minEntities`): one subject's thread follows its actors.
 */
function apart(
  terms: number,
  entities: number | null,
  minTerms: number,
  minEntities: number,
  minTermsAlone: number,
): boolean {
  return terms < minTerms || (entities !== null && entities < minEntities && terms < minTermsAlone);
}

/** Whether both groups come from one outlet only, the same (see LevelConfig.oneOutletApart). */
function sameSoleOutlet(a: Profile, b: Profile): boolean {
  const o = a.soleOutlet;
  return o !== null && o === b.soleOutlet;
}

/** Mean share of keys per member pair (see groupScore); null when either side has none. */
function pairShare(x: TermVector, y: TermVector, total: number, a: Profile, b: Profile): number | null {
  if (x.size === 0 || y.size === 0) return null;
  const perMember = total / (a.n + b.n);
  return Math.min(1, x.dot(y) / (a.n * b.n * Math.max(1, perMember)));
}

/** Days between two groups' spans (0 when they overlap), or null when either is undated. */
function spanGap(a: Profile, b: Profile): number | null {
  if (a.first === null || a.last === null || b.first === null || b.last === null) return null;
  if (a.last < b.first) return b.first - a.last;
  if (b.last < a.first) return a.first - b.last;
  return 0;
}
