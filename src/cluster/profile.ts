import type { ArticleFeatures } from "./features.js";

/** Terms kept in a group's centroid. Default 120: enough for a story's vocabulary, bounded for memory. */
export const PROFILE_TERMS = 120;

/**
 * What a group of articles (a story, or a topic's stories) looks like, as running sums. Adding is commutative, so
 * the same members in any order give the same profile (up to the pruning of the centroid's tail), and two workers
 * adding to one story under its lock cannot lose each other's update.
 */
export class Profile {
  /** Sum of the members' unit term vectors (pruned to PROFILE_TERMS). */
  readonly centroid = new Map<string, number>();
  readonly entities = new Map<string, number>();
  readonly title = new Map<string, number>();
  /** Place id → how many members name it (each member counts a place once). */
  readonly places = new Map<string, number>();
  /** Place id → how many members name it most (`mainPlaces`). */
  readonly mainPlaces = new Map<string, number>();
  first: number | null = null;
  last: number | null = null;
  n = 0;
  private norm = 0;
  /** Sums of the entity and title counts (kept with the maps: the group score divides by them on every lookup). */
  entityMass = 0;
  titleMass = 0;
  /** The last `asFeatures` answer, valid until the profile changes (a topic is looked up far more than it grows). */
  private cached: { id: string; k: number; f: ArticleFeatures } | null = null;

  add(f: ArticleFeatures, weight = 1): void {
    for (const [t, w] of f.terms) this.centroid.set(t, (this.centroid.get(t) ?? 0) + w * weight);
    for (const e of f.entities) this.entities.set(e, (this.entities.get(e) ?? 0) + 1);
    for (const t of f.title) this.title.set(t, (this.title.get(t) ?? 0) + 1);
    for (const x of f.places) this.places.set(x, (this.places.get(x) ?? 0) + 1);
    for (const x of f.mainPlaces) this.mainPlaces.set(x, (this.mainPlaces.get(x) ?? 0) + 1);
    if (f.day !== null) {
      this.first = this.first === null ? f.day : Math.min(this.first, f.day);
      this.last = this.last === null ? f.day : Math.max(this.last, f.day);
    }
    this.n += 1;
    this.prune();
  }

  /** Adds another profile (a merged story, a story's share of a topic). */
  merge(p: Profile): void {
    for (const [t, w] of p.centroid) this.centroid.set(t, (this.centroid.get(t) ?? 0) + w);
    for (const [e, c] of p.entities) this.entities.set(e, (this.entities.get(e) ?? 0) + c);
    for (const [t, c] of p.title) this.title.set(t, (this.title.get(t) ?? 0) + c);
    for (const [x, c] of p.places) this.places.set(x, (this.places.get(x) ?? 0) + c);
    for (const [x, c] of p.mainPlaces) this.mainPlaces.set(x, (this.mainPlaces.get(x) ?? 0) + c);
    if (p.first !== null) this.first = this.first === null ? p.first : Math.min(this.first, p.first);
    if (p.last !== null) this.last = this.last === null ? p.last : Math.max(this.last, p.last);
    this.n += p.n;
    this.prune();
  }

  /** Length of the centroid vector. */
  get length(): number {
    return this.norm;
  }

  /** The heaviest centroid terms, heaviest first. */
  topTerms(k: number): string[] {
    return [...this.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k).map(([t]) => t);
  }

  /**
   * The profile as if it were one article: its heaviest `k` centroid terms as a unit vector, its entities and
   * title words seen more than once (or all, in a one-member group), its last day. Lets a whole group be compared
   * with other groups by the article score.
   */
  asFeatures(id: string, k: number): ArticleFeatures {
    if (this.cached !== null && this.cached.id === id && this.cached.k === k) return this.cached.f;
    const f = this.computeFeatures(id, k);
    this.cached = { id, k, f };
    return f;
  }

  private computeFeatures(id: string, k: number): ArticleFeatures {
    const top = [...this.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
    const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
    const min = this.n > 1 ? 2 : 1;
    const keys = (m: Map<string, number>) => [...m].filter(([, c]) => c >= min).map(([x]) => x).sort();
    return { id, day: this.last, terms: new Map(top.map(([t, w]) => [t, w / norm])), entities: keys(this.entities), title: keys(this.title), places: keys(this.places), mainPlaces: keys(this.mainPlaces) };
  }

  private prune(): void {
    if (this.centroid.size > PROFILE_TERMS * 1.5) {
      const keep = [...this.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, PROFILE_TERMS);
      this.centroid.clear();
      for (const [t, w] of keep) this.centroid.set(t, w);
    }
    // Entity and title maps grow with distinct names only; a long story is capped the same way.
    capCounts(this.entities, 200);
    capCounts(this.title, 200);
    capCounts(this.places, 200);
    capCounts(this.mainPlaces, 200);
    let s = 0;
    for (const w of this.centroid.values()) s += w * w;
    this.norm = Math.sqrt(s);
    this.entityMass = mass(this.entities);
    this.titleMass = mass(this.title);
    this.cached = null;
  }

  toJSON(): StoredProfile {
    return {
      centroid: [...this.centroid].map(([t, w]) => [t, Math.round(w * 1e4) / 1e4]),
      entities: [...this.entities],
      title: [...this.title],
      places: [...this.places],
      mainPlaces: [...this.mainPlaces],
      first: this.first,
      last: this.last,
      n: this.n,
    };
  }

  static fromJSON(s: StoredProfile): Profile {
    const p = new Profile();
    for (const [t, w] of s.centroid) p.centroid.set(t, w);
    for (const [e, c] of s.entities) p.entities.set(e, c);
    for (const [t, c] of s.title) p.title.set(t, c);
    for (const [x, c] of s.places ?? []) p.places.set(x, c);
    for (const [x, c] of s.mainPlaces ?? []) p.mainPlaces.set(x, c);
    p.first = s.first;
    p.last = s.last;
    p.n = s.n;
    p.prune();
    return p;
  }
}

export interface StoredProfile {
  centroid: [string, number][];
  entities: [string, number][];
  title: [string, number][];
  /** Absent in profiles stored before places were kept. */
  places?: [string, number][];
  mainPlaces?: [string, number][];
  first: number | null;
  last: number | null;
  n: number;
}

function mass(m: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const c of m.values()) s += c;
  return s;
}

function capCounts(m: Map<string, number>, max: number): void {
  if (m.size <= max * 1.5) return;
  const keep = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
  m.clear();
  for (const [k, v] of keep) m.set(k, v);
}
