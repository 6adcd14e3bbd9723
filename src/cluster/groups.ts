import type { ArticleFeatures } from "./features.js";
import { Postings, type PostingsState } from "./postings.js";
import { Profile, type StoredProfile } from "./profile.js";
import {
  score,
  scoreValue,
  type Evidence,
  type Link,
  type PlaceRule,
  type TimeScale,
  type Weights,
} from "./similarity.js";

/** One level of grouping (stories, or topics): how similar is similar enough, and over what time. */
export interface LevelConfig {
  weights: Weights;
  link: Link;
  time: TimeScale;
  /** Join when the best candidate's score reaches this; else start a new group. */
  threshold: number;
  /** Article terms used to look candidates up (the heaviest). */
  queryTerms: number;
  /** Candidates scored in full, the best-hit first. */
  maxCandidates: number;
  /** Posting list length per key and bucket. */
  postingCap: number;
  /** Group-against-group scores are multiplied by `places.penalty` when the two happen in different places. */
  places?: PlaceRule;
  /** Group against group: the terms part (mean pairwise cosine) must reach this, else the pair scores 0. */
  minTerms?: number;
  /**
   * Group against group: when both name specific entities, the entity part (mean pairwise share) must reach this,
   * else the pair scores 0. Words alone make two stories of one field alike (two columns, two health features);
   * one thread follows the same actors and places.
   */
  minEntities?: number;
  /** …unless their words agree at least this much on their own (mean pairwise cosine); 0: no exception. */
  minTermsAlone?: number;
  /**
   * Group against group: two groups each of one and the same outlet only are kept apart. One outlet's run on a
   * subject that no other outlet follows is its column, its beat or its page (op-eds of one writer, a section's
   * daily notices), whose words recur whatever the subject; a thread is followed by several outlets.
   */
  oneOutletApart?: boolean;
}

export interface Group {
  id: string;
  profile: Profile;
  /** Set when this group was merged into another: it is no longer a candidate. */
  mergedInto?: string;
  /** Set when this group left memory (`retireIdle`): its profile is released and it is no longer a candidate. */
  retired?: boolean;
  /** The index's `clock` when the group last changed (created, joined, merged into, replaced). */
  changedAt: number;
}

/** A group that can still be found and scored: neither merged into another nor retired. */
export function isLive(g: Group): boolean {
  return g.mergedInto === undefined && g.retired !== true;
}

export interface Match {
  group: Group;
  evidence: Evidence;
  /** Candidates retrieved and scored. */
  candidates: number;
}

/**
 * Groups with a profile each and a bounded candidate index. `best` retrieves candidates from the index (never a scan
 * of all groups) and scores them; the caller decides and then calls `add` or `create`.
 */
export class GroupIndex {
  private readonly groups: Group[] = [];
  private readonly byId = new Map<string, number>();
  private readonly postings: Postings;
  /** Indexes of the groups that may still be live (compacted by `retireIdle`), so a sweep never walks the dead. */
  private liveIndexes: number[] = [];
  private retiredCount = 0;
  /** Scratch for `candidates`: lookup weight per group index, all zero between calls. */
  private weight = new Float64Array(1024);

  constructor(
    readonly config: LevelConfig,
    private readonly idf: (key: string) => number,
  ) {
    this.postings = new Postings(config.postingCap);
  }

  private mergedCount = 0;

  /** Groups ever created (merged ones included). */
  get size(): number {
    return this.groups.length;
  }

  /** Groups neither merged into another nor retired. */
  get liveSize(): number {
    return this.groups.length - this.mergedCount - this.retiredCount;
  }

  /** Groups retired from memory so far. */
  get retired(): number {
    return this.retiredCount;
  }

  /** Placements so far, set by the owner before each placement: what `changedAt` and `retireIdle` count in. */
  get clock(): number {
    return this.postings.clock;
  }

  set clock(n: number) {
    this.postings.clock = n;
  }

  /**
   * Retires the groups nothing can join any more: unchanged for the last `idle` placements, and with a last day at
   * least `days` before `newestDay` (undated groups: the first condition alone). Their profiles are released and
   * they stop being candidates; the weeks of the index they alone used go too (kept `postingDays` behind the newest
   * day). Returns the groups retired.
   */
  retireIdle(
    newestDay: number | null,
    days: number,
    idle: number,
    postingDays: number,
    keep: (g: Group) => boolean = () => false,
  ): Group[] {
    const out: Group[] = [];
    const still: number[] = [];
    for (const gi of this.liveIndexes) {
      const g = this.groups[gi]!;
      if (!isLive(g)) continue;
      const last = g.profile.last;
      const old = last === null || newestDay === null || last < newestDay - days;
      if (g.changedAt < this.clock - idle && old && !keep(g)) {
        g.retired = true;
        g.profile = RETIRED;
        this.retiredCount++;
        out.push(g);
      } else still.push(gi);
    }
    this.liveIndexes = still;
    // Weeks of the index are looked up around each new article's day: past postingDays behind the newest day (and
    // idle) only late pages would read them, and those still find groups through the keys' recent lists.
    if (newestDay !== null) this.postings.sweep(newestDay, Math.min(days, postingDays), idle);
    return out;
  }

  get(id: string): Group | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.groups[i];
  }

  /**
   * The best-scoring candidate for `f` (whether or not it reaches the threshold), or null when none is found; the
   * same as `ranked(f)[0]`, with the evidence made for that one only.
   */
  best(f: ArticleFeatures, exclude?: ReadonlySet<string>): Match | null {
    const found = this.candidates(f, exclude);
    const { weights, time, link } = this.config;
    let best: Group | null = null;
    let top = -Infinity;
    for (const group of found) {
      const s = scoreValue(f, group.profile, weights, time, this.idf, link);
      if (s > top || (s === top && best !== null && group.id < best.id)) [best, top] = [group, s];
    }
    if (best === null) return null;
    return { group: best, evidence: score(f, best.profile, weights, time, this.idf, link), candidates: found.length };
  }

  /**
   * Every retrieved candidate for `f` with its score (`scoreValue`, no evidence), best first (ties: smaller id first,
   * so the order of retrieval never matters).
   */
  rankedValues(f: ArticleFeatures, exclude?: ReadonlySet<string>): { group: Group; score: number }[] {
    const { weights, time, link } = this.config;
    const out = this.candidates(f, exclude).map((group) => ({
      group,
      score: scoreValue(f, group.profile, weights, time, this.idf, link),
    }));
    return out.sort((a, b) => b.score - a.score || (a.group.id < b.group.id ? -1 : 1));
  }

  /** The evidence of `f` against one group (what the decision stores). */
  evidence(f: ArticleFeatures, group: Group): Evidence {
    return score(f, group.profile, this.config.weights, this.config.time, this.idf, this.config.link);
  }

  /** Every retrieved candidate for `f`, scored, best first (ties: smaller id first, so the order never matters). */
  ranked(f: ArticleFeatures, exclude?: ReadonlySet<string>): Match[] {
    const found = this.candidates(f, exclude);
    const out: Match[] = [];
    for (const group of found) {
      const evidence = score(f, group.profile, this.config.weights, this.config.time, this.idf, this.config.link);
      out.push({ group, evidence, candidates: found.length });
    }
    return out.sort((a, b) => b.evidence.score - a.evidence.score || (a.group.id < b.group.id ? -1 : 1));
  }

  /** The live groups the index retrieves for `f` (at most maxCandidates, most lookup weight first), unscored. */
  candidates(f: ArticleFeatures, exclude?: ReadonlySet<string>): Group[] {
    // Lookup weight per group index, in a scratch array reset after use (a lookup emits a few thousand postings:
    // an array slot is far cheaper than a Map entry for each).
    if (this.weight.length < this.groups.length) this.weight = new Float64Array(Math.max(1024, this.groups.length * 2));
    const weight = this.weight;
    const hit: number[] = [];
    let i = 0;
    for (const [key, w] of f.terms) {
      if (i++ >= this.config.queryTerms) break;
      this.postings.accumulate(key, f.day, w, weight, hit);
    }
    for (const key of entityKeysOf(f)) this.postings.accumulate(key, f.day, ENTITY_KEY_WEIGHT, weight, hit);
    const live = hit.filter((g) => isLive(this.groups[g]!));
    const top = topK(live, weight, this.config.maxCandidates);
    for (const g of hit) weight[g] = 0;
    return top.map((gi) => this.groups[gi]!).filter((g) => !exclude?.has(g.id));
  }

  /** Every live group (for tests and diagnostics; never on the ingest path). */
  live(): Group[] {
    return this.groups.filter(isLive);
  }

  /**
   * Folds `from` into `into` (profiles are sums): `from` stops being a candidate; lookups find `into`. `into` is
   * already posted under its own keys; it is posted under `from`'s heaviest keys too, so what found `from` finds
   * `into` (cheaper than re-posting all of `into`, and it keeps a small topic's words pointing at where it went).
   */
  merge(from: Group, into: Group): void {
    const keys = [
      ...from.profile.topTerms(this.config.queryTerms * 2),
      ...from.profile.entities.names.map((e) => `e:${e}`),
    ];
    into.profile.merge(from.profile);
    into.changedAt = this.clock;
    if (from.mergedInto === undefined) this.mergedCount++;
    from.mergedInto = into.id;
    // A merged group is never scored again: its profile (a centroid of up to 180 terms) is released, which on the
    // streams is most topics ever created (every new story starts one).
    from.profile = RETIRED;
    const gi = this.byId.get(into.id)!;
    for (const k of keys) this.postings.post(k, gi, into.profile.last, into.profile.last);
  }

  /** Replaces a group's profile (members removed or re-read) and posts it afresh. */
  replace(group: Group, profile: Profile): void {
    group.profile = profile;
    group.changedAt = this.clock;
    this.repost(group);
  }

  create(id: string, f: ArticleFeatures | null, profile = new Profile()): Group {
    const group: Group = { id, profile, changedAt: this.clock };
    this.byId.set(id, this.groups.length);
    this.liveIndexes.push(this.groups.length);
    this.groups.push(group);
    if (f) this.add(group, f);
    else this.repost(group);
    return group;
  }

  /**
   * Adds a member. The group is posted under the member's keys in the member's own week (and in the keys' recent
   * lists): over its members, a group is so found near each week it has articles in, under the words it had then.
   */
  add(group: Group, f: ArticleFeatures): void {
    if (group.mergedInto !== undefined)
      throw new Error(
        `rasd: cluster: cannot add to group ${group.id}, merged into ${group.mergedInto}; add to that one`,
      );
    // A retired group is not a candidate; reached all the same (a story another worker placed in a topic this one
    // retired), it comes back with what it is given from now on.
    if (group.retired === true) this.revive(group);
    group.profile.add(f);
    group.changedAt = this.clock;
    const gi = this.byId.get(group.id)!;
    let i = 0;
    for (const key of f.terms.keys()) {
      if (i++ >= this.config.queryTerms) break;
      this.postings.post(key, gi, f.day, f.day);
    }
    for (const key of entityKeysOf(f)) this.postings.post(key, gi, f.day, f.day);
  }

  private revive(group: Group): void {
    group.retired = false;
    group.profile = new Profile();
    this.retiredCount--;
    this.liveIndexes.push(this.byId.get(group.id)!);
  }

  /** Everything this index holds, exactly (a checkpoint, src/cluster/snapshot.ts). */
  exportState(): GroupIndexState {
    const groups = this.groups.map((g): GroupState => [
      g.id,
      isLive(g) ? exactProfile(g.profile) : null,
      g.mergedInto ?? null,
      g.retired === true ? 1 : 0,
      g.changedAt === -Infinity ? null : g.changedAt,
    ]);
    const dead = (gi: number) => !isLive(this.groups[gi]!);
    return { groups, live: [...this.liveIndexes], postings: this.postings.exportState(dead) };
  }

  /** Loads a checkpoint into this (empty) index. */
  importState(s: GroupIndexState): void {
    if (this.groups.length > 0) throw new Error("rasd: cluster: a checkpoint loads into an empty index only");
    for (const [id, profile, mergedInto, retired, changedAt] of s.groups) {
      const g: Group = {
        id,
        profile: profile === null ? RETIRED : Profile.fromJSON(profile),
        changedAt: changedAt ?? -Infinity,
      };
      if (mergedInto !== null) {
        g.mergedInto = mergedInto;
        this.mergedCount++;
      }
      if (retired === 1) {
        g.retired = true;
        this.retiredCount++;
      }
      this.byId.set(id, this.groups.length);
      this.groups.push(g);
    }
    this.liveIndexes = [...s.live];
    this.postings.importState(s.postings);
  }

  /**
   * Posts a group under its profile's heaviest terms and its entities, in the week of its last article (a group read
   * from the store, or re-made by a split): it is found near where it is now, and through the keys' recent lists.
   */
  repost(group: Group): void {
    const gi = this.byId.get(group.id)!;
    const p = group.profile;
    for (const t of p.topTerms(this.config.queryTerms * 2)) this.postings.post(t, gi, p.last, p.last);
    for (const e of p.entities.names) this.postings.post(`e:${e}`, gi, p.last, p.last);
  }
}

/** A group in a checkpoint: id, exact profile (null: merged or retired), merged into, retired, changedAt (null: −∞). */
export type GroupState = [string, StoredProfile | null, string | null, 0 | 1, number | null];

export interface GroupIndexState {
  groups: GroupState[];
  live: number[];
  postings: PostingsState;
}

/** A profile's exact sums (`toJSON` rounds the centroid for the store; a checkpoint must not). */
export function exactProfile(p: Profile): StoredProfile {
  return {
    centroid: [...p.centroid.entries()],
    entities: [...p.entities.entries()],
    title: [...p.title.entries()],
    places: [...p.places],
    mainPlaces: [...p.mainPlaces],
    outletDays: [...p.outletDays],
    first: p.first,
    last: p.last,
    n: p.n,
  };
}

/**
 * The profile of every merged or retired group: empty, shared, never scored (such groups are never candidates).
 * A merged topic is most topics ever created on a stream (every new story starts one), so each one's centroid of
 * up to 180 terms is released.
 */
const RETIRED = new Profile();

/** The k groups with the most lookup weight (ties: lower index first), without sorting every hit. */
function topK(hits: readonly number[], weight: Float64Array, k: number): number[] {
  const before = (a: number, b: number) => weight[a]! > weight[b]! || (weight[a] === weight[b] && a < b);
  if (hits.length <= k) return [...hits].sort((a, b) => (before(a, b) ? -1 : 1));
  // A bounded selection: keep the k best seen so far in a small array (k ≤ ~32, so insertion beats a heap).
  const best: number[] = [];
  for (const g of hits) {
    if (best.length === k) {
      if (!before(g, best[k - 1]!)) continue;
      best.pop();
    }
    let i = best.length;
    while (i > 0 && before(g, best[i - 1]!)) i--;
    best.splice(i, 0, g);
  }
  return best;
}

/**
 * The article's entities as index keys (`e:` + id), made once per article: an article is looked up and posted at
 * both levels, and a key made afresh each time is a new string to build and hash for every list it is looked for in.
 */
function entityKeysOf(f: ArticleFeatures): string[] {
  return (f.entityKeys ??= f.entities.map((e) => `e:${e}`));
}

/**
 * The lookup keys of an article are its heaviest `queryTerms` terms, each weighing its weight in the article's unit
 * vector, and its entities, each weighing this.
 */
const ENTITY_KEY_WEIGHT = 0.2;
