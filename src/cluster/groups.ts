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
}

export interface Group {
  id: string;
  profile: Profile;
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

  get size(): number {
    return this.groups.length;
  }

  get(id: string): Group | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.groups[i];
  }

  /** The best-scoring candidate for `f` (whether or not it reaches the threshold), or null when none is found. */
  best(f: ArticleFeatures, exclude?: ReadonlySet<string>): Match | null {
    const hits = new Map<number, number>();
    for (const [key, w] of queryKeys(f, this.config.queryTerms)) {
      this.postings.lookup(key, f.day, (g) => hits.set(g, (hits.get(g) ?? 0) + w));
    }
    const ranked = [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, this.config.maxCandidates);
    let best: Match | null = null;
    for (const [gi] of ranked) {
      const group = this.groups[gi]!;
      if (exclude?.has(group.id)) continue;
      const evidence = score(f, group.profile, this.config.weights, this.config.time, this.idf, this.config.link);
      if (best === null || evidence.score > best.evidence.score || (evidence.score === best.evidence.score && group.id < best.group.id)) {
        best = { group, evidence, candidates: ranked.length };
      }
    }
    return best;
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
