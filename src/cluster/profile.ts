import { entityVectorOf, titleVectorOf, vectorOf, type ArticleFeatures } from "./features.js";
import { TermVector } from "./vector.js";

/** Terms kept in a group's centroid. Default 120: enough for a story's vocabulary, bounded for memory. */
export const PROFILE_TERMS = 120;

/**
 * What a group of articles (a story, or a topic's stories) looks like, as running sums. Adding is commutative, so
 * the same members in any order give the same profile (up to the pruning of the centroid's tail), and two workers
 * adding to one story under its lock cannot lose each other's update.
 */
export class Profile {
  /** Sum of the members' unit term vectors (pruned to PROFILE_TERMS). */
  readonly centroid = new TermVector();
  /** Entity id → how many members name it; title term → how many members' titles hold it. */
  readonly entities = new TermVector();
  readonly title = new TermVector();
  /** Place id → how many members name it (each member counts a place once). */
  readonly places = new Map<string, number>();
  /** Place id → how many members name it most (`mainPlaces`). */
  readonly mainPlaces = new Map<string, number>();
  /** Outlet → the days it has members on (`outletDays`), as "outlet\u001fday" → member count (unit separator: PostgreSQL's jsonb refuses U+0000). */
  readonly outletDays = new Map<string, number>();
  first: number | null = null;
  last: number | null = null;
  n = 0;
  private norm = 0;
  /** Sums of the entity and title counts (kept with the maps: the group score divides by them on every lookup). */
  entityMass = 0;
  titleMass = 0;
  /** The one outlet all dated members with an outlet come from, or null (none, or several); undefined: not known
   * since the last change (`soleOutlet` works it out when asked: only topic threading asks). */
  private outletAlone: string | null | undefined = undefined;
  /** The last `asFeatures` answer, valid until the profile changes (a topic is looked up far more than it grows). */
  private cached: { id: string; k: number; f: ArticleFeatures } | null = null;

  add(f: ArticleFeatures, weight = 1): void {
    this.centroid.addScaled(vectorOf(f), weight);
    this.entities.addScaled(entityVectorOf(f));
    this.title.addScaled(titleVectorOf(f));
    for (const x of f.places) this.places.set(x, (this.places.get(x) ?? 0) + 1);
    for (const x of f.mainPlaces) this.mainPlaces.set(x, (this.mainPlaces.get(x) ?? 0) + 1);
    if (f.outlet !== undefined && f.day !== null) {
      const k = outletDay(f.outlet, f.day);
      this.outletDays.set(k, (this.outletDays.get(k) ?? 0) + 1);
    }
    if (f.day !== null) {
      this.first = this.first === null ? f.day : Math.min(this.first, f.day);
      this.last = this.last === null ? f.day : Math.max(this.last, f.day);
    }
    this.n += 1;
    this.prune();
  }

  /** Adds another profile (a merged story, a story's share of a topic). */
  merge(p: Profile): void {
    this.centroid.addScaled(p.centroid);
    this.entities.addScaled(p.entities);
    this.title.addScaled(p.title);
    for (const [x, c] of p.places) this.places.set(x, (this.places.get(x) ?? 0) + c);
    for (const [x, c] of p.mainPlaces) this.mainPlaces.set(x, (this.mainPlaces.get(x) ?? 0) + c);
    for (const [x, c] of p.outletDays) this.outletDays.set(x, (this.outletDays.get(x) ?? 0) + c);
    if (p.first !== null) this.first = this.first === null ? p.first : Math.min(this.first, p.first);
    if (p.last !== null) this.last = this.last === null ? p.last : Math.max(this.last, p.last);
    this.n += p.n;
    this.prune();
  }

  /** Whether `outlet` has a member on a day other than `day`. */
  outletOnOtherDay(outlet: string, day: number): boolean {
    const own = outletDay(outlet, day);
    const prefix = outlet + OUTLET_DAY_SEPARATOR;
    for (const k of this.outletDays.keys()) if (k !== own && k.startsWith(prefix)) return true;
    return false;
  }

  /** Whether `outlet` has a member on `day`. */
  outletOnDay(outlet: string, day: number): boolean {
    return this.outletDays.has(outletDay(outlet, day));
  }

  /** The outlet of every member that has one, when that is one outlet (a column's or a beat's run), else null. */
  get soleOutlet(): string | null {
    if (this.outletAlone === undefined) this.outletAlone = onlyOutlet(this.outletDays.keys());
    return this.outletAlone;
  }

  /** Length of the centroid vector. */
  get length(): number {
    return this.norm;
  }

  /** The heaviest centroid terms, heaviest first. */
  topTerms(k: number): string[] {
    return this.centroid.top(k).map((i) => this.centroid.names[i]!);
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
    const c = this.centroid;
    const top = c.top(k).map((i): [string, number] => [c.names[i]!, c.weights[i]!]);
    const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
    const min = this.n > 1 ? 2 : 1;
    const keys = (m: Map<string, number>) =>
      [...m]
        .filter(([, c]) => c >= min)
        .map(([x]) => x)
        .sort();
    const names = (v: TermVector) => v.names.filter((_, i) => v.weights[i]! >= min).sort();
    return {
      id,
      day: this.last,
      terms: new Map(top.map(([t, w]) => [t, w / norm])),
      entities: names(this.entities),
      title: names(this.title),
      places: keys(this.places),
      mainPlaces: keys(this.mainPlaces),
    };
  }

  private prune(): void {
    if (this.centroid.size > PROFILE_TERMS * 1.5) this.centroid.keepTop(PROFILE_TERMS);
    // Entity and title maps grow with distinct names only; a long story is capped the same way.
    if (this.entities.size > 300) this.entities.keepTop(200);
    if (this.title.size > 300) this.title.keepTop(200);
    capCounts(this.places, 200);
    capCounts(this.mainPlaces, 200);
    capCounts(this.outletDays, 200);
    this.norm = Math.sqrt(this.centroid.squaredLength());
    this.entityMass = sum(this.entities.weights);
    this.titleMass = sum(this.title.weights);
    this.outletAlone = undefined;
    this.cached = null;
  }

  toJSON(): StoredProfile {
    return {
      centroid: [...this.centroid.entries()].map(([t, w]) => [t, Math.round(w * 1e4) / 1e4]),
      entities: [...this.entities.entries()],
      title: [...this.title.entries()],
      places: [...this.places],
      mainPlaces: [...this.mainPlaces],
      outletDays: [...this.outletDays],
      first: this.first,
      last: this.last,
      n: this.n,
    };
  }

  static fromJSON(s: StoredProfile): Profile {
    const p = new Profile();
    p.centroid.addScaled(TermVector.of(s.centroid));
    p.entities.addScaled(TermVector.of(s.entities));
    p.title.addScaled(TermVector.of(s.title));
    for (const [x, c] of s.places ?? []) p.places.set(x, c);
    for (const [x, c] of s.mainPlaces ?? []) p.mainPlaces.set(x, c);
    for (const [x, c] of s.outletDays ?? []) p.outletDays.set(x, c);
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
  /** Absent in profiles stored before outlets were kept. */
  outletDays?: [string, number][];
  first: number | null;
  last: number | null;
  n: number;
}

/** Between an outlet and a day in a key; not U+0000, which jsonb cannot store (the profile is persisted as JSON). */
const OUTLET_DAY_SEPARATOR = "\u001f";

function outletDay(outlet: string, day: number): string {
  return `${outlet}${OUTLET_DAY_SEPARATOR}${day}`;
}

/** The outlet of every "outlet\u001fday" key, when they all name one, else null. */
function onlyOutlet(keys: Iterable<string>): string | null {
  let one: string | null = null;
  for (const k of keys) {
    const outlet = k.slice(0, k.lastIndexOf(OUTLET_DAY_SEPARATOR));
    if (one === null) one = outlet;
    else if (one !== outlet) return null;
  }
  return one;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function capCounts(m: Map<string, number>, max: number): void {
  if (m.size <= max * 1.5) return;
  const keep = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
  m.clear();
  for (const [k, v] of keep) m.set(k, v);
}
