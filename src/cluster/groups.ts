import type { ArticleFeatures } from "./features.js";
import { Postings } from "./postings.js";
import { Profile } from "./profile.js";
import { score, type Evidence, type Link, type TimeScale, type Weights } from "./similarity.js";

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
  /** Factor on a group-against-group score when the two happen in different places (`placeFactor`); 1: off. */
  placePenalty?: number;
}

export interface Group {
  id: string;
  profile: Profile;
  /** Set when this group was merged into another: it is no longer a candidate. */
  mergedInto?: string;
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

  /** Groups not merged into another. */
  get liveSize(): number {
    return this.groups.length - this.mergedCount;
  }

  get(id: string): Group | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.groups[i];
  }

  /** The best-scoring candidate for `f` (whether or not it reaches the threshold), or null when none is found. */
  best(f: ArticleFeatures, exclude?: ReadonlySet<string>): Match | null {
    return this.ranked(f, exclude)[0] ?? null;
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
    const hits = new Map<number, number>();
    for (const [key, w] of queryKeys(f, this.config.queryTerms)) {
      this.postings.lookup(key, f.day, (g) => {
        if (this.groups[g]!.mergedInto === undefined) hits.set(g, (hits.get(g) ?? 0) + w);
      });
    }
    return topK(hits, this.config.maxCandidates).map((gi) => this.groups[gi]!).filter((g) => !exclude?.has(g.id));
  }

  /** Every live group (for tests and diagnostics; never on the ingest path). */
  live(): Group[] {
    return this.groups.filter((g) => g.mergedInto === undefined);
  }

  /** Folds `from` into `into` (profiles are sums): `from` stops being a candidate; lookups find `into`. */
  merge(from: Group, into: Group): void {
    into.profile.merge(from.profile);
    if (from.mergedInto === undefined) this.mergedCount++;
    from.mergedInto = into.id;
    // A merged group is never scored again: its profile (a centroid of up to 180 terms) is released, which on the
    // streams is most topics ever created (every new story starts one).
    from.profile = new Profile();
    this.repost(into);
  }

  /** Replaces a group's profile (members removed or re-read) and posts it afresh. */
  replace(group: Group, profile: Profile): void {
    group.profile = profile;
    this.repost(group);
  }

  create(id: string, f: ArticleFeatures | null, profile = new Profile()): Group {
    const group: Group = { id, profile };
    this.byId.set(id, this.groups.length);
    this.groups.push(group);
    if (f) this.add(group, f);
    else this.repost(group);
    return group;
  }

  add(group: Group, f: ArticleFeatures): void {
    group.profile.add(f);
    const gi = this.byId.get(group.id)!;
    const { first, last } = group.profile;
    for (const [key] of queryKeys(f, this.config.queryTerms)) this.postings.post(key, gi, first, last);
  }

  /** Posts a group loaded from the store (its profile's heaviest terms and entities). */
  repost(group: Group): void {
    const gi = this.byId.get(group.id)!;
    const p = group.profile;
    for (const t of p.topTerms(this.config.queryTerms * 2)) this.postings.post(t, gi, p.first, p.last);
    for (const e of p.entities.keys()) this.postings.post(`e:${e}`, gi, p.first, p.last);
  }
}

/** The k groups with the most lookup weight (ties: lower index first), without sorting every hit. */
function topK(hits: ReadonlyMap<number, number>, k: number): number[] {
  if (hits.size <= k) return [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([g]) => g);
  // A bounded selection: keep the k best seen so far in a small array (k ≤ ~32, so insertion beats a heap).
  const best: [number, number][] = [];
  for (const e of hits) {
    if (best.length === k) {
      const worst = best[k - 1]!;
      if (e[1] < worst[1] || (e[1] === worst[1] && e[0] > worst[0])) continue;
      best.pop();
    }
    let i = best.length;
    while (i > 0 && (best[i - 1]![1] < e[1] || (best[i - 1]![1] === e[1] && best[i - 1]![0] > e[0]))) i--;
    best.splice(i, 0, e);
  }
  return best.map(([g]) => g);
}

/** The lookup keys of an article: its heaviest terms (weighted) and its entities. */
function queryKeys(f: ArticleFeatures, n: number): [string, number][] {
  const keys: [string, number][] = [];
  let i = 0;
  for (const [t, w] of f.terms) {
    if (i++ >= n) break;
    keys.push([t, w]);
  }
  for (const e of f.entities) keys.push([`e:${e}`, 0.2]);
  return keys;
}
