import type { ArticleFeatures } from "./features.js";
import type { Profile } from "./profile.js";

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
  let dot = 0;
  const shared: [string, number][] = [];
  for (const [t, x] of f.terms) {
    const y = p.centroid.get(t);
    if (y !== undefined) {
      dot += x * y;
      shared.push([t, x * y]);
    }
  }
  const cos = link === "average" ? (p.n > 0 ? dot / p.n : 0) : p.length > 0 ? dot / p.length : 0;
  const entities = f.entities.length > 0 && p.entities.size > 0 ? weightedShare(f.entities, p.entities, idf) : null;
  const title = f.title.length > 0 && p.title.size > 0 ? weightedShare(f.title, p.title, idf) : null;
  let num = w.terms * cos;
  let den = w.terms;
  if (entities !== null) [num, den] = [num + w.entities * entities, den + w.entities];
  if (title !== null) [num, den] = [num + w.title * title, den + w.title];
  const gapDays = gap(f.day, p.first, p.last);
  const timeFactor = gapDays === null ? 1 : Math.exp(-Math.max(0, gapDays - time.free) / time.decay);
  shared.sort((a, b) => b[1] - a[1]);
  return {
    score: (num / den) * timeFactor,
    terms: cos,
    entities,
    title,
    gapDays,
    timeFactor,
    shared: shared.slice(0, 8).map(([t]) => t),
  };
}

/** Share of `keys`' idf mass that `have` also holds. Entity ids are not terms: their idf is their own. */
function weightedShare(keys: readonly string[], have: ReadonlyMap<string, number>, idf: (key: string) => number): number {
  let all = 0;
  let hit = 0;
  for (const k of keys) {
    const w = idf(k);
    all += w;
    if (have.has(k)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}

/** Days from `day` to the span [first, last]; 0 inside it; null when either side is undated. */
export function gap(day: number | null, first: number | null, last: number | null): number | null {
  if (day === null || first === null || last === null) return null;
  if (day < first) return first - day;
  if (day > last) return day - last;
  return 0;
}
