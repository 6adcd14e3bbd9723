import { hash64 } from "../core/hash.js";
import type { Article } from "../core/types.js";
import { DedupIndex, type DedupEntry, type DuplicateMatch } from "../dedup/dedup-index.js";
import { signature } from "../dedup/minhash.js";
import { identityWords, shinglesOfWords } from "../dedup/shingles.js";
import { STORY_LEVEL, TOPIC_LEVEL } from "./config.js";
import { DocFreq } from "./df.js";
import {
  analyseArticle,
  articleDay,
  extractFeatures,
  termCounts,
  type AnalysedArticle,
  type ArticleFeatures,
} from "./features.js";
import { GroupIndex, isLive, type Group, type LevelConfig } from "./groups.js";
import { Profile } from "./profile.js";
import { groupScore, groupScoreValue, scoreValue, type Evidence } from "./similarity.js";
import { averageLinkParts, PairScores } from "./split.js";

/** Why an article went where it went: stored with it (`cluster_articles.decision`) and shown by `rasd story`. */
export interface Decision {
  /** `copy`: a duplicate, it follows its original; `join`: the best candidate reached the threshold; `new`. */
  action: "copy" | "join" | "new";
  story: string;
  threshold: number;
  /** The best candidate story and its evidence (also when it fell short and a new story was started). */
  best: { story: string; evidence: Evidence } | null;
  candidates: number;
  duplicate: DuplicateMatch | null;
  topic: { action: "join" | "new" | "inherit"; id: string; best: { topic: string; evidence: Evidence } | null };
}

export interface Placement {
  article: Article;
  features: ArticleFeatures;
  dedup: DedupEntry;
  decision: Decision;
  /** Articles whose original changed because this one is earlier (a copy seen before its original). */
  relinked: { id: string; original: string | null }[];
  /** Earlier articles this placement moved to another story (evicted from the story this one joined). */
  moved: { id: string; story: string; from: string }[];
  /** Topics folded into another because this article tied them together. */
  topicMerges: { from: string; into: string }[];
  /** Topics whose stories no longer hold together: `from` keeps the first part, `into` are the topics started for the others. */
  topicSplits: { from: string; into: string[] }[];
  /** Every story whose profile or topic this placement changed (the article's own included). */
  touched: string[];
  /** What the article added to the document frequencies (its distinct analysed terms and entity ids). */
  observed: { terms: string[]; entities: string[] };
}

/**
 * Members of a story are kept (features) while it has at most this many, so that a member that no longer fits the
 * story grown around it can be moved out (an early join that later articles contradict). Default 8, range 2–32;
 * larger stories are settled enough that one member does not decide them.
 */
export const REVISABLE_STORY = 8;
/** How many of the most recently started stories keep their members for revision. Default 5,000. */
export const REVISABLE_STORIES_KEPT = 5000;
/**
 * Memory is a window, not the whole past: every RETIRE_EVERY placements, stories, topics and dedup entries that
 * nothing has changed for the last IDLE_PLACEMENTS placements *and* whose last day is far enough before the newest
 * day seen leave memory (profiles released, no longer candidates; what the store holds is untouched). "Far enough"
 * is where the time factor alone keeps any score below the threshold (`retireDays`): 7.7 days for stories, 1,153
 * for topics; 30 days for copies (DEDUP_DAYS). Both conditions must hold, so pages arriving out of order (a shuffled
 * evaluation, a backfill) still find what is around them. Defaults 20,000 and 5,000 placements.
 */
export const IDLE_PLACEMENTS = 20_000;
export const RETIRE_EVERY = 5_000;
/** Days after which an article is no longer looked for as the original of a new copy (with IDLE_PLACEMENTS). */
export const DEDUP_DAYS = 30;

/** Days past which a group's time factor alone is below the level's threshold, so no article or topic can reach it. */
export function retireDays(level: LevelConfig): number {
  return level.time.free + level.time.decay * Math.log(1 / level.threshold);
}
/**
 * A topic of at most this many stories is re-clustered (offline average link over its stories, split.ts) after each
 * merge that changes it, so a merge made while both sides were one or two articles is undone once their stories
 * show two groups. Default 12, range 0 (never) – 64; the cost of one check grows with its square. Multiling: 8–24
 * give the same partitions in 20 orders, 6 and less lose one order below 0.95.
 */
export const REVISABLE_TOPIC = 12;
/** Topics of at most this many articles are compared with their neighbours whenever they change. Default 8. */
export const RETHREAD_ALWAYS = 8;
/**
 * A larger topic is compared again once it has grown by this share since its last comparison (one article, or one
 * small topic merged in, moves a large topic's average little), which keeps the cost per article flat as topics
 * grow. Default 1/8, range 0 (always) – 1.
 */
export const RETHREAD_GROWTH = 1 / 8;

/**
 * The online clustering, in memory: dedup → story → topic for one article at a time. It owns no I/O; the ingest
 * hook feeds it, stores what it decides and rebuilds it from the store on start. Ids are derived from the founding
 * article (story `s…`, topic `t…`), so two runs over the same input in the same order give the same ids.
 */
export class Clusterer {
  readonly df: DocFreq;
  readonly dedup = new DedupIndex();
  readonly stories: GroupIndex;
  readonly topics: GroupIndex;
  private readonly entityDf = new Map<string, number>();
  private readonly idfOf = (k: string): number => this.keyIdf(k);
  private entityDocs = 0;
  /** story id → topic id; article id → story id (for copies). */
  readonly topicOf = new Map<string, string>();
  readonly storyOf = new Map<string, string>();
  /** topic id → its stories (to re-point them when the topic is merged into another). */
  private readonly topicStories = new Map<string, string[]>();
  /** story id → member features, while the story is small enough to revise (REVISABLE_STORY). */
  private readonly members = new Map<string, ArticleFeatures[]>();
  /**
   * Work done so far, for benchmarks and diagnostics (cost per article independent of the machine's load): stories
   * scored against an article, topic pairs scored (neighbour comparisons and re-clusterings).
   */
  readonly work = { storyScores: 0, topicScores: 0 };
  /** Placements made by this clusterer (the clock of IDLE_PLACEMENTS), and the newest article day seen. */
  private placements = 0;
  private newestDay: number | null = null;
  /** Scores of pairs of a topic's parts, kept between re-clusterings of a topic (split.ts). */
  private readonly pairScores = new PairScores();
  /** topic id → its article count when it was last compared with its neighbours (see RETHREAD_GROWTH). */
  private readonly comparedAt = new Map<string, number>();
  /** Per-placement side effects, collected while deciding. */
  private effects = this.noEffects();

  constructor(opts: { df?: DocFreq; story?: LevelConfig; topic?: LevelConfig } = {}) {
    this.df = opts.df ?? new DocFreq();
    const idf = (k: string) => this.keyIdf(k);
    this.stories = new GroupIndex(opts.story ?? STORY_LEVEL, idf);
    this.topics = new GroupIndex(opts.topic ?? TOPIC_LEVEL, idf);
  }

  /**
   * Places one new article. `seq` orders ingest (earlier wins a tie for "original"). `analysed` is the article's
   * analysis (`analyseArticle`), made here when the caller has not made it beforehand.
   */
  place(article: Article, seq: number, analysed: AnalysedArticle = analyseArticle(article)): Placement {
    const tf = termCounts(analysed);
    const observed = { terms: [...tf.keys()], entities: [...new Set(article.entities.map((e) => e.id))] };
    const idfs = this.df.observe(observed.terms);
    this.observeEntities(observed.entities);
    const features = extractFeatures(article, analysed, this.df, tf, idfs);
    this.tick(features.day);
    // One pass of identity normalisation serves both the exact key and the shingles.
    const words = identityWords(article.text);
    const joined = words.join(" ");
    const shingles = shinglesOfWords(words, joined);
    const dedup: DedupEntry = {
      id: article.id,
      exactKey: hash64(joined),
      sig: signature(shingles),
      shingles: shingles.length,
      day: articleDay(article),
      seq,
    };
    const duplicate = article.text.trim().length > 0 ? this.dedup.check(dedup) : null;
    const relinked = this.dedup.add(dedup, duplicate);
    this.effects = this.noEffects();
    const decision = this.decide(features, duplicate);
    this.storyOf.set(article.id, decision.story);
    this.remember(decision.story, features);
    if (decision.action !== "new") this.revise(decision.story);
    decision.topic.id = this.topicOf.get(decision.story)!;
    const { moved, topicMerges, topicSplits, touched } = this.effects;
    touched.add(decision.story);
    return {
      article,
      features,
      dedup,
      decision,
      relinked,
      moved,
      topicMerges,
      topicSplits,
      touched: [...touched],
      observed,
    };
  }

  /** Advances the clock; every RETIRE_EVERY placements, retires what nothing can reach any more. */
  private tick(day: number | null): void {
    this.placements++;
    this.stories.clock = this.topics.clock = this.placements;
    if (day !== null && (this.newestDay === null || day > this.newestDay)) this.newestDay = day;
    if (this.placements % RETIRE_EVERY === 0) this.retireIdle();
  }

  /**
   * Retires idle stories (and their revision members), idle topics and old dedup entries (see IDLE_PLACEMENTS).
   * A topic is kept while one of its stories is live. Returns how many of each left memory.
   */
  retireIdle(): { stories: number; topics: number; copies: number } {
    const stories = this.stories.retireIdle(this.newestDay, retireDays(this.stories.config), IDLE_PLACEMENTS);
    for (const g of stories) this.members.delete(g.id);
    const topics = this.topics.retireIdle(this.newestDay, retireDays(this.topics.config), IDLE_PLACEMENTS, (t) =>
      (this.topicStories.get(t.id) ?? []).some((s) => isLive(this.stories.get(s)!)),
    );
    for (const g of topics) this.comparedAt.delete(g.id);
    // The dedup index is rebuilt to drop entries: every other round is enough (entries are small).
    const copies =
      this.placements % (2 * RETIRE_EVERY) === 0
        ? this.dedup.retireOld(this.newestDay, DEDUP_DAYS, IDLE_PLACEMENTS)
        : 0;
    return { stories: stories.length, topics: topics.length, copies };
  }

  private noEffects(): {
    moved: Placement["moved"];
    topicMerges: Placement["topicMerges"];
    topicSplits: Placement["topicSplits"];
    touched: Set<string>;
  } {
    return { moved: [], topicMerges: [], topicSplits: [], touched: new Set() };
  }

  private decide(f: ArticleFeatures, duplicate: DuplicateMatch | null): Decision {
    const copyOf = duplicate ? this.storyOf.get(duplicate.original) : undefined;
    const copyStory = copyOf !== undefined ? this.stories.get(copyOf) : undefined;
    // A copy follows its original's story while that story is in memory; a retired one is joined no more.
    if (duplicate && copyStory && isLive(copyStory)) {
      this.stories.add(copyStory, f);
      const topic = this.rethread(f, this.topicOf.get(copyStory.id)!);
      return { action: "copy", story: copyStory.id, threshold: 1, best: null, candidates: 0, duplicate, topic };
    }
    const match = this.stories.best(f);
    this.work.storyScores += match?.candidates ?? 0;
    const threshold = this.stories.config.threshold;
    const best = match ? { story: match.group.id, evidence: match.evidence } : null;
    if (match && match.evidence.score >= threshold) {
      this.stories.add(match.group, f);
      const topic = this.rethread(f, this.topicOf.get(match.group.id)!);
      return { action: "join", story: match.group.id, threshold, best, candidates: match.candidates, duplicate, topic };
    }
    const story = this.newStory(f);
    const topic = this.placeTopic(f, story);
    return { action: "new", story, threshold, best, candidates: match?.candidates ?? 0, duplicate, topic };
  }

  /** Starts a story for `f` (id from the founding article; a suffix when an evicted founder starts again). */
  private newStory(f: ArticleFeatures): string {
    let id = `s${f.id}`;
    for (let k = 2; this.stories.get(id); k++) id = `s${f.id}.${k}`;
    this.stories.create(id, f);
    return id;
  }

  /**
   * The topic of a new story: a topic of its own, at once compared as a whole with the topics around it and merged
   * with those it fits (average link, see absorbNeighbours). The decision records the best neighbouring topic of
   * that first comparison and its evidence (for a one-article topic, the article against each topic's members).
   */
  private placeTopic(f: ArticleFeatures, story: string): Decision["topic"] {
    let id = `t${f.id}`;
    for (let k = 2; this.topics.get(id); k++) id = `t${f.id}.${k}`;
    this.topics.create(id, f);
    this.setTopic(story, id);
    const { into, first } = this.threadTopic(id);
    return { action: into === id && this.topicStories.get(id)?.length === 1 ? "new" : "join", id: into, best: first };
  }

  /** A story grew by `f`: its topic grows, and is compared again with the topics around it. */
  private rethread(f: ArticleFeatures, topic: string): Decision["topic"] {
    this.topics.add(this.topics.get(topic)!, f);
    if (!this.due(topic)) return { action: "inherit", id: topic, best: null };
    return { action: "inherit", id: this.threadTopic(topic).into, best: null };
  }

  /** Whether a topic has changed enough since its last comparison with its neighbours to be compared again. */
  private due(topic: string): boolean {
    const n = this.topics.get(topic)!.profile.n;
    const at = this.comparedAt.get(topic);
    return n <= RETHREAD_ALWAYS || at === undefined || n >= at * (1 + RETHREAD_GROWTH);
  }

  /**
   * A changed topic is merged with the neighbours it fits (absorbNeighbours); the result, when it has few stories,
   * is re-clustered (splitTopic), and each part that split off is compared with its own neighbours.
   */
  private threadTopic(topic: string): { into: string; first: { topic: string; evidence: Evidence } | null } {
    const r = this.absorbNeighbours(topic);
    // Only a merge changes which stories a topic holds; a story that grew changes its topic's average little.
    if (r.merged === 0) return r;
    const parts = this.splitTopic(r.into);
    for (const p of parts.slice(1)) this.absorbNeighbours(p);
    return r;
  }

  /**
   * Re-clusters a small topic's stories by offline average link (split.ts); when they fall into several parts, the
   * part with the most articles keeps the topic and each other part becomes a topic of its own. An early merge (two
   * one-article topics alike in words, like two earthquakes in two countries) is so undone once each side has
   * grown into a group of its own. Returns the topic's id followed by the new topics' ids.
   */
  private splitTopic(id: string): string[] {
    const stories = this.topicStories.get(id);
    if (stories === undefined || stories.length < 2 || stories.length > REVISABLE_TOPIC) return [id];
    // A topic holding a retired story is settled (its profile is gone): it is not re-clustered.
    if (stories.some((s) => !isLive(this.stories.get(s)!))) return [id];
    const items = stories.map((s) => {
      const g = this.stories.get(s)!;
      return { id: s, profile: g.profile, version: `${g.changedAt}:${g.profile.n}` };
    });
    const before = this.pairScores.computed;
    const parts = averageLinkParts(items, this.topics.config, this.pairScores);
    this.work.topicScores += this.pairScores.computed - before;
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
        this.topicMoved(s);
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
    const cfg = this.topics.config;
    let merged = 0;
    for (let round = 0; round < 8; round++) {
      // After a merge: a large topic that took in a small one is compared again only once it has grown enough.
      if (round > 0 && !this.due(id)) break;
      const g = this.topics.get(id)!;
      this.comparedAt.set(id, g.profile.n);
      let best: Group | null = null;
      let top = -Infinity;
      for (const other of this.topics.candidates(g.profile.asFeatures(id, cfg.queryTerms * 2), new Set([id]))) {
        const s = groupScoreValue(g.profile, other.profile, cfg.weights, cfg.time, cfg.placePenalty);
        this.work.topicScores++;
        if (best === null || s > top || (s === top && other.id < best.id)) [best, top] = [other, s];
      }
      if (round === 0 && best !== null)
        first = {
          topic: best.id,
          evidence: groupScore(g.profile, best.profile, cfg.weights, cfg.time, cfg.placePenalty),
        };
      if (best === null || top < cfg.threshold) break;
      id = this.mergeTopics(best.id, id);
      merged++;
    }
    return { into: id, first, merged };
  }

  /**
   * Merges two topics into the one with more stories (ties: the smaller id), so that re-pointing costs the smaller
   * side only (a long-running topic absorbing a new one does not walk its thousands of stories); returns it.
   */
  private mergeTopics(a: string, b: string): string {
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
      if (isLive(this.stories.get(s)!)) this.topicMoved(s);
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
  private topicMoved(story: string): void {
    this.effects.touched.add(story);
    this.stories.get(story)!.changedAt = this.placements;
  }

  private setTopic(story: string, topic: string): void {
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

  private remember(story: string, f: ArticleFeatures): void {
    const list = this.members.get(story);
    if (list === undefined) {
      if (this.stories.get(story)!.profile.n !== 1) return;
      this.members.set(story, [f]);
      // Only the most recently started stories stay revisable: memory stays bounded on an endless stream.
      if (this.members.size > REVISABLE_STORIES_KEPT) this.members.delete(this.members.keys().next().value!);
    } else if (list.length >= REVISABLE_STORY) this.members.delete(story);
    else list.push(f);
  }

  /**
   * After a join: every member of a small story must still fit the rest of it (score against the story without
   * it ≥ the threshold). The worst misfit is moved out (to the best other story it fits, or a story of its own),
   * then the check repeats. So a story does not keep an early article that only fitted while the story was one
   * article, and the result depends less on which article came first.
   */
  private revise(storyId: string): void {
    for (let round = 0; round < REVISABLE_STORY; round++) {
      const list = this.members.get(storyId);
      if (list === undefined || list.length < 3) return;
      const story = this.stories.get(storyId)!;
      let worst: { i: number; score: number } | null = null;
      list.forEach((m, i) => {
        const rest = new Profile();
        for (const o of list) if (o !== m) rest.add(o);
        const s = scoreValue(
          m,
          rest,
          this.stories.config.weights,
          this.stories.config.time,
          this.idfOf,
          this.stories.config.link,
        );
        if (worst === null || s < worst.score) worst = { i, score: s };
      });
      const w = worst as { i: number; score: number } | null;
      if (w === null || w.score >= this.stories.config.threshold) return;
      const [m] = list.splice(w.i, 1);
      const rest = new Profile();
      for (const o of list) rest.add(o);
      this.stories.replace(story, rest);
      this.effects.touched.add(storyId);
      this.rehome(m!, storyId);
    }
  }

  /** Places an article moved out of `from` again: the best other story it fits, else a new one. */
  private rehome(m: ArticleFeatures, from: string): void {
    const match = this.stories.best(m, new Set([from]));
    let story: string;
    if (match && match.evidence.score >= this.stories.config.threshold) {
      story = match.group.id;
      this.stories.add(match.group, m);
      this.rethread(m, this.topicOf.get(story)!);
      this.remember(story, m);
    } else {
      story = this.newStory(m);
      this.members.set(story, [m]);
      this.placeTopic(m, story);
    }
    this.storyOf.set(m.id, story);
    this.effects.moved.push({ id: m.id, story, from });
    this.effects.touched.add(story);
  }

  /** Restores a story (and its topic link) from the store. */
  restoreStory(id: string, topic: string, profile: Profile): void {
    if (!this.stories.get(id)) this.restored(this.stories.create(id, null, profile));
    this.setTopic(id, topic);
  }

  restoreTopic(id: string, profile: Profile): void {
    if (!this.topics.get(id)) this.restored(this.topics.create(id, null, profile));
  }

  /** A group read from the store counts as idle since ever (it retires once old by days), and dates the clock. */
  private restored(g: Group): void {
    g.changedAt = -Infinity;
    const last = g.profile.last;
    if (last !== null && (this.newestDay === null || last > this.newestDay)) this.newestDay = last;
  }

  /** Catch-up: another process folded topic `from` into `into`; the same fold here, with no effects recorded. */
  restoreTopicMerge(from: string, into: string): void {
    const f = this.topics.get(from);
    const i = this.topics.get(into);
    if (f && i && f !== i) this.topics.merge(f, i);
    for (const s of [...(this.topicStories.get(from) ?? [])]) this.setTopic(s, into);
    this.topicStories.delete(from);
  }

  /**
   * Catch-up: a story's members as the store now holds them, so that this process revises it exactly as the
   * process that placed them would (null, or a story grown past REVISABLE_STORY: settled, not revisable).
   */
  restoreMembers(story: string, members: ArticleFeatures[] | null): void {
    this.members.delete(story);
    if (members === null || members.length === 0 || members.length >= REVISABLE_STORY) return;
    this.members.set(story, members);
    if (this.members.size > REVISABLE_STORIES_KEPT) this.members.delete(this.members.keys().next().value!);
  }

  /**
   * Document frequencies another process observed (a batch's counts from the clustering log), applied as they were
   * there: with them, articles restored with `counted: true` add nothing more.
   */
  observeCounts(
    terms: readonly (readonly [string, number])[],
    entities: readonly (readonly [string, number])[],
    docs: number,
  ): void {
    this.df.observeCounts(terms, docs);
    this.entityDocs += docs;
    for (const [e, k] of entities) this.entityDf.set(e, (this.entityDf.get(e) ?? 0) + k);
  }

  /**
   * Restores one stored article's dedup entry, its story link and — unless its batch's counts were applied
   * (`counted`) — its share of the document frequencies, from its features (an approximation: the features keep
   * the article's heaviest terms only).
   */
  restoreArticle(
    entry: DedupEntry,
    story: string | null,
    original: string | null,
    f: ArticleFeatures,
    counted = false,
  ): void {
    const match: DuplicateMatch | null = original ? { original, kind: "exact", similarity: 1 } : null;
    this.dedup.add(entry, match);
    if (story) this.storyOf.set(entry.id, story);
    if (counted) return;
    this.df.observe([...f.terms.keys()]);
    this.entityDocs++;
    for (const e of f.entities) this.entityDf.set(e, (this.entityDf.get(e) ?? 0) + 1);
  }

  /** Counts one document naming `ids` (distinct entity ids). */
  private observeEntities(ids: readonly string[]): void {
    this.entityDocs++;
    for (const id of ids) this.entityDf.set(id, (this.entityDf.get(id) ?? 0) + 1);
  }

  /** Idf of a term, or of an entity id (`e:` keys and bare ids both), over what was seen. */
  private keyIdf(k: string): number {
    const ent = this.entityDf.get(k.startsWith("e:") ? k.slice(2) : k);
    if (ent !== undefined) return Math.log(1 + (this.entityDocs + 1) / (ent + 1));
    return this.df.idf(k);
  }
}
