import type { ClusterConfig } from "./config.js";
import type { ArticleFeatures } from "./features.js";
import { GroupIndex, isLive, type Group, type GroupIndexState } from "./groups.js";
import type { Profile } from "./profile.js";
import { groupScore, groupScoreValue, type Evidence } from "./similarity.js";
import { averageLinkParts, PairScores } from "./split.js";

/** How a story's topic was decided (stored with the article's decision). */
export interface TopicDecision {
  action: "join" | "new" | "inherit";
  id: string;
  best: { topic: string; evidence: Evidence } | null;
}

/** What threading changed during one placement, collected for the store (see Placement). */
export interface TopicEffects {
  topicMerges: { from: string; into: string }[];
  topicSplits: { from: string; into: string[] }[];
  /** Stories whose topic changed (written with the placement). */
  touched: Set<string>;
}

export interface TopicThreaderState {
  topics: GroupIndexState;
  topicStories: [string, string[]][];
  topicOf: [string, string][];
  comparedAt: [string, number][];
  scores: number;
}

/**
 * Topics: stories threaded over weeks and months. Every story has a topic; a new story starts one of its own, which
 * is at once compared as a whole with the topics around it (average link) and merged with those it fits; a topic
 * that changes is compared again; a small topic that a merge changed is re-clustered (split.ts), so an early merge
 * is undone once its sides have grown apart. The stories themselves are placed by the `Clusterer`; this class only
 * groups them.
 */
export class TopicThreader {
  readonly topics: GroupIndex;
  /** story id → topic id. */
  readonly topicOf = new Map<string, string>();
  /** topic id → its stories (to re-point them when the topic is merged into another). */
  private readonly topicStories = new Map<string, string[]>();
  /** Scores of pairs of a topic's parts, kept between re-clusterings of a topic (split.ts). */
  private readonly pairScores = new PairScores();
  /** topic id → its article count when it was last compared with its neighbours (see `due`). */
  private readonly comparedAt = new Map<string, number>();
  /** Topic pairs scored (neighbour comparisons and re-clusterings), for benchmarks. */
  scores = 0;
  private effects: TopicEffects = { topicMerges: [], topicSplits: [], touched: new Set() };

  constructor(
    private readonly config: ClusterConfig,
    private readonly stories: GroupIndex,
    idf: (key: string) => number,
  ) {
    this.topics = new GroupIndex(config.topic, idf);
  }

  /** Where this placement's effects go (the clusterer starts a fresh record per placement). */
  record(effects: TopicEffects): void {
    this.effects = effects;
  }

  /**
   * The topic of a new story: a topic of its own, at once compared as a whole with the topics around it and merged
   * with those it fits (average link, see absorbNeighbours). The decision records the best neighbouring topic of
   * that first comparison and its evidence (for a one-article topic, the article against each topic's members).
   */
  place(f: ArticleFeatures, story: string): TopicDecision {
    let id = `t${f.id}`;
    for (let k = 2; this.topics.get(id); k++) id = `t${f.id}.${k}`;
    this.topics.create(id, f);
    this.setTopic(story, id);
    const { into, first } = this.thread(id);
    return { action: into === id && this.topicStories.get(id)?.length === 1 ? "new" : "join", id: into, best: first };
  }

  /** A story of `topic` grew by `f`: the topic grows, and is compared again with the topics around it when due. */
  grow(f: ArticleFeatures, topic: string): TopicDecision {
    this.topics.add(this.topics.get(topic)!, f);
    if (!this.due(topic)) return { action: "inherit", id: topic, best: null };
    return { action: "inherit", id: this.thread(topic).into, best: null };
  }

  /**
   * Whether a topic has changed enough since its last comparison with its neighbours to be compared again: always
   * while small (`rethreadAlways` articles), then once grown by `rethreadGrowth` (one article moves a large topic's
   * average little), which keeps the cost per article flat as topics grow.
   */
  private due(topic: string): boolean {
    const n = this.topics.get(topic)!.profile.n;
    const at = this.comparedAt.get(topic);
    const t = this.config.threading;
    return n <= t.rethreadAlways || at === undefined || n >= at * (1 + t.rethreadGrowth);
  }

  /**
   * A changed topic is merged with the neighbours it fits (absorbNeighbours); the result, when it has few stories,
   * is re-clustered (split), and each part that split off is compared with its own neighbours.
   */
  private thread(topic: string): { into: string; first: { topic: string; evidence: Evidence } | null } {
    const r = this.absorbNeighbours(topic);
    // Only a merge changes which stories a topic holds; a story that grew changes its topic's average little.
    if (r.merged === 0) return r;
    const parts = this.split(r.into);
    for (const p of parts.slice(1)) this.absorbNeighbours(p);
    return r;
  }

  /**
   * Re-clusters a small topic's stories by offline average link (split.ts); when they fall into several parts, the
   * part with the most articles keeps the topic and each other part becomes a topic of its own. An early merge (two
   * one-article topics alike in words, like two earthquakes in two countries) is so undone once each side has
   * grown into a group of its own. Returns the topic's id followed by the new topics' ids.
   */
  private split(id: string): string[] {
    const stories = this.topicStories.get(id);
    if (stories === undefined || stories.length < 2 || stories.length > this.config.threading.revisableTopic)
      return [id];
    // A topic holding a retired story is settled (its profile is gone): it is not re-clustered.
    if (stories.some((s) => !isLive(this.stories.get(s)!))) return [id];
    const items = stories.map((s) => {
      const g = this.stories.get(s)!;
      return { id: s, profile: g.profile, version: `${g.changedAt}:${g.profile.n}` };
    });
    const before = this.pairScores.computed;
    const parts = averageLinkParts(items, this.config.topic, this.pairScores);
    this.scores += this.pairScores.computed - before;
    if (parts.length === 1) return [id];
    parts.sort((a, b) => b.profile.n - a.profile.n || (a.ids[0]! < b.ids[0]! ? -1 : 1));
    const out: string[] = [];
    for (const [i, part] of parts.entries()) {
      let t = id;
      if (i === 0) this.topics.replace(this.topics.get(id)!, part.profile);
      else {
        t = `t${part.ids[0]!.slice(1)}`;
        for (let k = 2; this.topics.get(t); k++) t = `t${part.ids[0]!.slice(1)}.${k}`;
        this.topics.create(t, null, part.profile);
      }
      for (const s of part.ids) {
        this.setTopic(s, t);
        this.moved(s);
      }
      this.comparedAt.delete(t);
      out.push(t);
    }
    this.effects.topicSplits.push({ from: id, into: out.slice(1) });
    return out;
  }

  /**
   * A topic that changed is compared as a whole with the topics around it (candidates from the index, looked up with
   * the topic's profile as one article; scored by average link, `groupScore`), and the best one reaching the
   * threshold is merged in; repeated while one does. When no pair of neighbouring topics reaches the threshold
   * any more, the state is the one offline average-link clustering stops at, whatever the order of arrival.
   */
  private absorbNeighbours(topic: string): {
    into: string;
    first: { topic: string; evidence: Evidence } | null;
    merged: number;
  } {
    let id = topic;
    let first: { topic: string; evidence: Evidence } | null = null;
    const cfg = this.config.topic;
    let merged = 0;
    for (let round = 0; round < 8; round++) {
      // After a merge: a large topic that took in a small one is compared again only once it has grown enough.
      if (round > 0 && !this.due(id)) break;
      const g = this.topics.get(id)!;
      this.comparedAt.set(id, g.profile.n);
      let best: Group | null = null;
      let top = -Infinity;
      for (const other of this.topics.candidates(g.profile.asFeatures(id, cfg.queryTerms * 2), new Set([id]))) {
        const s = groupScoreValue(
          g.profile,
          other.profile,
          cfg.weights,
          cfg.time,
          cfg.places,
          cfg.minTerms,
          cfg.minEntities,
          cfg.minTermsAlone,
          cfg.oneOutletApart,
        );
        this.scores++;
        if (best === null || s > top || (s === top && other.id < best.id)) [best, top] = [other, s];
      }
      if (round === 0 && best !== null)
        first = {
          topic: best.id,
          evidence: groupScore(
            g.profile,
            best.profile,
            cfg.weights,
            cfg.time,
            cfg.places,
            cfg.minTerms,
            cfg.minEntities,
            cfg.minTermsAlone,
            cfg.oneOutletApart,
          ),
        };
      if (best === null || top < cfg.threshold) break;
      id = this.merge(best.id, id);
      merged++;
    }
    return { into: id, first, merged };
  }

  /**
   * Merges two topics into the one with more stories (ties: the smaller id), so that re-pointing costs the smaller
   * side only (a long-running topic absorbing a new one does not walk its thousands of stories); returns it.
   */
  private merge(a: string, b: string): string {
    if (a === b) return a;
    const na = this.topicStories.get(a)?.length ?? 0;
    const nb = this.topicStories.get(b)?.length ?? 0;
    const [into, from] = na > nb || (na === nb && a < b) ? [a, b] : [b, a];
    this.topics.merge(this.topics.get(from)!, this.topics.get(into)!);
    const moving = this.topicStories.get(from) ?? [];
    const list = this.topicStories.get(into)!;
    for (const s of moving) {
      this.topicOf.set(s, into);
      list.push(s);
      // A retired story's row is re-pointed by the store from the merge itself (writeRevisions); it has no profile.
      if (isLive(this.stories.get(s)!)) this.moved(s);
    }
    this.topicStories.delete(from);
    this.comparedAt.delete(from);
    this.effects.topicMerges.push({ from, into });
    return into;
  }

  /**
   * A live story went to another topic: it is written with this placement, and counts as changed now. Otherwise
   * an idle story a merge moved early in a batch could retire later in the same batch (a retirement round falls
   * inside it) and be written with the empty profile of a retired group, its article count zeroed.
   */
  private moved(story: string): void {
    this.effects.touched.add(story);
    this.stories.get(story)!.changedAt = this.stories.clock;
  }

  /** Links a story to a topic (restore, and placement). */
  setTopic(story: string, topic: string): void {
    const old = this.topicOf.get(story);
    if (old === topic) return;
    if (old !== undefined) {
      const list = this.topicStories.get(old);
      if (list) list.splice(list.indexOf(story), 1);
    }
    this.topicOf.set(story, topic);
    const list = this.topicStories.get(topic);
    if (list) list.push(story);
    else this.topicStories.set(topic, [story]);
  }

  /**
   * Retires idle topics (see ClusterConfig.memory); a topic is kept while one of its stories is live. Returns the
   * topics retired.
   */
  retireIdle(newestDay: number | null, days: number): Group[] {
    const m = this.config.memory;
    const out = this.topics.retireIdle(newestDay, days, m.idlePlacements, m.postingDays, (t) =>
      (this.topicStories.get(t.id) ?? []).some((s) => isLive(this.stories.get(s)!)),
    );
    for (const g of out) this.comparedAt.delete(g.id);
    return out;
  }

  /**
   * Everything the threader holds, exactly (a checkpoint, src/cluster/snapshot.ts), less the story lists of retired
   * topics: nothing reaches a retired topic again, so its stories' links are never read. The scores of split pairs
   * (a cache of pure results) are not kept.
   */
  exportState(): TopicThreaderState {
    const topicStories: [string, string[]][] = [];
    for (const [t, list] of this.topicStories) if (this.topics.get(t)?.retired !== true) topicStories.push([t, list]);
    const topicOf = topicStories.flatMap(([t, list]) => list.map((s): [string, string] => [s, t]));
    return {
      topics: this.topics.exportState(),
      topicStories,
      topicOf,
      comparedAt: [...this.comparedAt],
      scores: this.scores,
    };
  }

  /** Loads a checkpoint into this (fresh) threader. */
  importState(s: TopicThreaderState): void {
    this.topics.importState(s.topics);
    for (const [t, list] of s.topicStories) this.topicStories.set(t, [...list]);
    for (const [story, t] of s.topicOf) this.topicOf.set(story, t);
    for (const [t, n] of s.comparedAt) this.comparedAt.set(t, n);
    this.scores = s.scores;
  }

  /** Restores a topic from the store. */
  restore(id: string, profile: Profile): Group | null {
    return this.topics.get(id) ? null : this.topics.create(id, null, profile);
  }

  /** Catch-up: another process folded topic `from` into `into`; the same fold here, with no effects recorded. */
  restoreMerge(from: string, into: string): void {
    const f = this.topics.get(from);
    const i = this.topics.get(into);
    if (f && i && f !== i) this.topics.merge(f, i);
    for (const s of [...(this.topicStories.get(from) ?? [])]) this.setTopic(s, into);
    this.topicStories.delete(from);
  }
}
