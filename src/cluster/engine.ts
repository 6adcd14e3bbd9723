import type { Article } from "../core/types.js";
import { DedupIndex, type DedupEntry, type DedupState, type DuplicateMatch } from "../dedup/dedup-index.js";
import { DEFAULT_CLUSTER_CONFIG, retireDays, type ClusterConfig } from "./config.js";
import { DocFreq, type DocFreqState } from "./df.js";
import { EntityFreq } from "./entity-freq.js";
import {
  analyseArticle,
  articleDay,
  extractFeatures,
  fromStored,
  termCounts,
  toStored,
  type StoredFeatures,
  type AnalysedArticle,
  type ArticleFeatures,
} from "./features.js";
import { textIdentity, type TextIdentity } from "./identity.js";
import { GroupIndex, isLive, type Group, type GroupIndexState } from "./groups.js";
import { Profile } from "./profile.js";
import { scoreValue, type Evidence } from "./similarity.js";
import { refusal, timeRefusal, type Refusal } from "./story-rules.js";
import { TopicThreader, type TopicDecision, type TopicEffects, type TopicThreaderState } from "./topic-threader.js";

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
  /** Candidates that scored high enough but lacked the event evidence a join needs (story-rules.ts), best first. */
  refused?: { story: string; score: number; why: Refusal }[];
  topic: TopicDecision;
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
 * The online clustering, in memory: dedup → story for one article at a time; the story's topic is the
 * `TopicThreader`'s, document frequencies are `DocFreq`'s and `EntityFreq`'s. It owns no I/O; the ingest hook feeds
 * it, stores what it decides and rebuilds it from the store on start. Ids are derived from the founding article
 * (story `s…`, topic `t…`), so two runs over the same input in the same order give the same ids. Every tunable is
 * in the `ClusterConfig` it is given.
 */
export class Clusterer {
  readonly config: ClusterConfig;
  readonly df: DocFreq;
  readonly entityFreq: EntityFreq;
  readonly dedup: DedupIndex;
  readonly stories: GroupIndex;
  readonly threader: TopicThreader;
  private readonly idfOf = (k: string): number => this.entityFreq.idf(k);
  /** article id → story id. */
  readonly storyOf = new Map<string, string>();
  /** story id → member features, while the story is small enough to revise (`config.revision`). */
  private readonly members = new Map<string, ArticleFeatures[]>();
  /**
   * Work done so far, for benchmarks and diagnostics (cost per article independent of the machine's load): stories
   * scored against an article, topic pairs scored (neighbour comparisons and re-clusterings).
   */
  get work(): { storyScores: number; topicScores: number } {
    return { storyScores: this.storyScores, topicScores: this.threader.scores };
  }
  private storyScores = 0;
  /** Placements made by this clusterer (the clock of `memory.idlePlacements`), and the newest article day seen. */
  private placements = 0;
  private newestDay: number | null = null;
  /** Per-placement side effects, collected while deciding. */
  private effects = this.noEffects();

  constructor(config: ClusterConfig = DEFAULT_CLUSTER_CONFIG, df: DocFreq = new DocFreq()) {
    this.config = config;
    this.df = df;
    this.entityFreq = new EntityFreq(df);
    this.dedup = new DedupIndex(config.dedup);
    this.stories = new GroupIndex(config.story, this.idfOf);
    this.threader = new TopicThreader(config, this.stories, this.idfOf);
  }

  /** The topics (the threader's index). */
  get topics(): GroupIndex {
    return this.threader.topics;
  }

  /** story id → topic id. */
  get topicOf(): ReadonlyMap<string, string> {
    return this.threader.topicOf;
  }

  /**
   * Places one new article. `seq` orders ingest (earlier wins a tie for "original"). `analysed` is the article's
   * analysis (`analyseArticle`) and `identity` its text's (`textIdentity`), made here when the caller has not made
   * them beforehand (the ingest hook makes both outside the ingest lock).
   */
  place(
    article: Article,
    seq: number,
    analysed: AnalysedArticle = analyseArticle(article),
    identity: TextIdentity = textIdentity(article.text),
  ): Placement {
    const tf = termCounts(analysed);
    const observed = { terms: [...tf.keys()], entities: [...new Set(article.entities.map((e) => e.id))] };
    const idfs = this.df.observe(observed.terms);
    this.entityFreq.observe(observed.entities);
    const features = extractFeatures(article, analysed, this.df, tf, idfs);
    this.tick(features.day);
    const dedup: DedupEntry = {
      id: article.id,
      ...identity,
      day: articleDay(article),
      seq,
    };
    const duplicate = article.text.trim().length > 0 ? this.dedup.check(dedup) : null;
    const relinked = this.dedup.add(dedup, duplicate);
    this.effects = this.noEffects();
    this.threader.record(this.effects);
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

  /** Advances the clock; every `memory.retireEvery` placements, retires what nothing can reach any more. */
  private tick(day: number | null): void {
    this.placements++;
    this.stories.clock = this.topics.clock = this.placements;
    if (day !== null && (this.newestDay === null || day > this.newestDay)) this.newestDay = day;
    if (this.placements % this.config.memory.retireEvery === 0) this.retireIdle();
  }

  /**
   * Memory is a window, not the whole past: stories, topics and dedup entries that nothing has changed for the last
   * `memory.idlePlacements` placements *and* whose last day is far enough before the newest day seen leave memory
   * (profiles released, no longer candidates; what the store holds is untouched). "Far enough" is where the time
   * factor alone keeps any score below the threshold (`retireDays`); `memory.dedupDays` for copies. Both conditions
   * must hold, so pages arriving out of order (a shuffled evaluation, a backfill) still find what is around them.
   * A topic is kept while one of its stories is live. Returns how many of each left memory.
   */
  retireIdle(): { stories: number; topics: number; copies: number } {
    const m = this.config.memory;
    const stories = this.stories.retireIdle(
      this.newestDay,
      retireDays(this.stories.config),
      m.idlePlacements,
      m.postingDays,
    );
    for (const g of stories) this.members.delete(g.id);
    const topics = this.threader.retireIdle(this.newestDay, retireDays(this.topics.config));
    // The dedup index is rebuilt to drop entries: every other round is enough (entries are small).
    const copies =
      this.placements % (2 * m.retireEvery) === 0
        ? this.dedup.retireOld(this.newestDay, m.dedupDays, m.idlePlacements)
        : 0;
    return { stories: stories.length, topics: topics.length, copies };
  }

  private noEffects(): TopicEffects & { moved: Placement["moved"] } {
    return { moved: [], topicMerges: [], topicSplits: [], touched: new Set() };
  }

  private decide(f: ArticleFeatures, duplicate: DuplicateMatch | null): Decision {
    const copyOf = duplicate ? this.storyOf.get(duplicate.original) : undefined;
    const copyStory = copyOf !== undefined ? this.stories.get(copyOf) : undefined;
    // A copy follows its original's story while that story is in memory; a retired one is joined no more.
    // A copy of another week (a column's boilerplate, a beat's page) is placed as any article (`copiesKeepTime`).
    const rules = this.config.storyRules;
    const inTime =
      copyStory === undefined || !rules.copiesKeepTime || timeRefusal(f, copyStory.profile, rules) === null;
    if (duplicate && copyStory && isLive(copyStory) && inTime) {
      this.stories.add(copyStory, f);
      const topic = this.threader.grow(f, this.topicOf.get(copyStory.id)!);
      return { action: "copy", story: copyStory.id, threshold: 1, best: null, candidates: 0, duplicate, topic };
    }
    const threshold = this.stories.config.threshold;
    const { match, candidates, refused } = this.bestStory(f);
    const best = match ? { story: match.group.id, evidence: match.evidence } : null;
    const more = refused.length > 0 ? { refused } : {};
    if (match && match.accepted) {
      this.stories.add(match.group, f);
      const topic = this.threader.grow(f, this.topicOf.get(match.group.id)!);
      return { action: "join", story: match.group.id, threshold, best, candidates, duplicate, ...more, topic };
    }
    const story = this.newStory(f);
    const topic = this.threader.place(f, story);
    return { action: "new", story, threshold, best, candidates, duplicate, ...more, topic };
  }

  /**
   * The story `f` joins: the best-scoring candidate that reaches the threshold and whose event evidence supports the
   * join (story-rules.ts); candidates refused on the way are listed. When none is accepted, `match` is the best
   * candidate all the same (what the decision shows), not accepted.
   */
  private bestStory(
    f: ArticleFeatures,
    exclude?: ReadonlySet<string>,
  ): {
    match: { group: Group; evidence: Evidence; accepted: boolean } | null;
    candidates: number;
    refused: NonNullable<Decision["refused"]>;
  } {
    const ranked = this.stories.rankedValues(f, exclude);
    this.storyScores += ranked.length;
    const refused: NonNullable<Decision["refused"]> = [];
    const { threshold } = this.stories.config;
    for (const { group, score } of ranked) {
      if (score < threshold) break;
      const members = this.members.get(group.id);
      const why = refusal(
        f,
        group.profile,
        score,
        threshold,
        this.config.storyRules,
        this.idfOf,
        this.stories.config,
        members,
      );
      if (why === null) return { match: this.matchOf(f, group, true), candidates: ranked.length, refused };
      refused.push({ story: group.id, score, why });
    }
    const top = ranked[0];
    return { match: top ? this.matchOf(f, top.group, false) : null, candidates: ranked.length, refused };
  }

  private matchOf(f: ArticleFeatures, group: Group, accepted: boolean) {
    return { group, evidence: this.stories.evidence(f, group), accepted };
  }

  /** Starts a story for `f` (id from the founding article; a suffix when an evicted founder starts again). */
  private newStory(f: ArticleFeatures): string {
    let id = `s${f.id}`;
    for (let k = 2; this.stories.get(id); k++) id = `s${f.id}.${k}`;
    this.stories.create(id, f);
    return id;
  }

  private remember(story: string, f: ArticleFeatures): void {
    const { storyMembers, storiesKept } = this.config.revision;
    const list = this.members.get(story);
    if (list === undefined) {
      if (this.stories.get(story)!.profile.n !== 1) return;
      this.members.set(story, [f]);
      // Only the most recently started stories stay revisable: memory stays bounded on an endless stream.
      if (this.members.size > storiesKept) this.members.delete(this.members.keys().next().value!);
    } else if (list.length >= storyMembers) this.members.delete(story);
    else list.push(f);
  }

  /**
   * After a join: every member of a small story (`revision.storyMembers`) must still fit the rest of it (score
   * against the story without it ≥ the threshold, and the event evidence). The worst misfit is moved out (to the
   * best other story it fits, or a story of its own), then the check repeats. So a story does not keep an early
   * article that only fitted while the story was one article, and the result depends less on which article came
   * first. Larger stories are settled enough that one member does not decide them.
   */
  private revise(storyId: string): void {
    const { weights, time, link, threshold } = this.stories.config;
    for (let round = 0; round < this.config.revision.storyMembers; round++) {
      const list = this.members.get(storyId);
      if (list === undefined || list.length < 3) return;
      const story = this.stories.get(storyId)!;
      let worst: { i: number; score: number } | null = null;
      list.forEach((m, i) => {
        const rest = new Profile();
        for (const o of list) if (o !== m) rest.add(o);
        let s = scoreValue(m, rest, weights, time, this.idfOf, link);
        // A member the rules would not let join the rest fits no better than one below the threshold.
        const others = list.filter((o) => o !== m);
        if (
          s >= threshold &&
          refusal(m, rest, s, threshold, this.config.storyRules, this.idfOf, this.stories.config, others) !== null
        )
          s = threshold - 1;
        if (worst === null || s < worst.score) worst = { i, score: s };
      });
      const w = worst as { i: number; score: number } | null;
      if (w === null || w.score >= threshold) return;
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
    const { match } = this.bestStory(m, new Set([from]));
    let story: string;
    if (match && match.accepted) {
      story = match.group.id;
      this.stories.add(match.group, m);
      this.threader.grow(m, this.topicOf.get(story)!);
      this.remember(story, m);
    } else {
      story = this.newStory(m);
      this.members.set(story, [m]);
      this.threader.place(m, story);
    }
    this.storyOf.set(m.id, story);
    this.effects.moved.push({ id: m.id, story, from });
    this.effects.touched.add(story);
  }

  /** Restores a story (and its topic link) from the store. */
  restoreStory(id: string, topic: string, profile: Profile): void {
    if (!this.stories.get(id)) this.restored(this.stories.create(id, null, profile));
    this.threader.setTopic(id, topic);
  }

  restoreTopic(id: string, profile: Profile): void {
    const g = this.threader.restore(id, profile);
    if (g) this.restored(g);
  }

  /** A group read from the store counts as idle since ever (it retires once old by days), and dates the clock. */
  private restored(g: Group): void {
    g.changedAt = -Infinity;
    const last = g.profile.last;
    if (last !== null && (this.newestDay === null || last > this.newestDay)) this.newestDay = last;
  }

  /** Catch-up: another process folded topic `from` into `into`; the same fold here, with no effects recorded. */
  restoreTopicMerge(from: string, into: string): void {
    this.threader.restoreMerge(from, into);
  }

  /**
   * Catch-up: a story's members as the store now holds them, so that this process revises it exactly as the
   * process that placed them would (null, or a story grown past `revision.storyMembers`: settled, not revisable).
   */
  restoreMembers(story: string, members: ArticleFeatures[] | null): void {
    this.members.delete(story);
    const { storyMembers, storiesKept } = this.config.revision;
    if (members === null || members.length === 0 || members.length >= storyMembers) return;
    this.members.set(story, members);
    if (this.members.size > storiesKept) this.members.delete(this.members.keys().next().value!);
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
    this.entityFreq.observeCounts(entities, docs);
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
    this.entityFreq.observe(f.entities);
  }

  /**
   * The whole memory, exactly (a checkpoint, src/cluster/snapshot.ts): loaded into a fresh clusterer with
   * `importState`, it decides every later article as this one would. Article → story links are kept for the
   * articles the dedup index still holds (the only ones a copy can name as its original).
   */
  exportState(): ClustererState {
    const storyOf: [string, string][] = [];
    for (const [a, st] of this.storyOf) if (this.dedup.has(a)) storyOf.push([a, st]);
    return {
      placements: this.placements,
      newestDay: this.newestDay,
      storyScores: this.storyScores,
      df: this.df.exportState(),
      entityFreq: this.entityFreq.exportState(),
      dedup: this.dedup.exportState(),
      stories: this.stories.exportState(),
      threader: this.threader.exportState(),
      storyOf,
      members: [...this.members].map(([id, list]) => [id, list.map(exactFeatures)]),
    };
  }

  /** Loads a checkpoint into this (fresh) clusterer. */
  importState(s: ClustererState): void {
    if (this.placements > 0 || this.stories.size > 0)
      throw new Error("rasd: cluster: a checkpoint loads into a fresh clusterer only");
    this.placements = s.placements;
    this.newestDay = s.newestDay;
    this.storyScores = s.storyScores;
    this.df.importState(s.df);
    this.entityFreq.importState(s.entityFreq);
    this.dedup.importState(s.dedup);
    this.stories.importState(s.stories);
    this.threader.importState(s.threader);
    for (const [a, st] of s.storyOf) this.storyOf.set(a, st);
    for (const [id, list] of s.members)
      this.members.set(
        id,
        list.map(([a, f]) => fromStored(a, f)),
      );
  }
}

/** The clustering memory as a checkpoint holds it (JSON). */
export interface ClustererState {
  placements: number;
  newestDay: number | null;
  storyScores: number;
  df: DocFreqState;
  entityFreq: { docs: number; counts: [string, number][] };
  dedup: DedupState;
  stories: GroupIndexState;
  threader: TopicThreaderState;
  storyOf: [string, string][];
  members: [string, [string, StoredFeatures][]][];
}

/** A member's features with their exact weights (`toStored` rounds them for the store). */
function exactFeatures(f: ArticleFeatures): [string, StoredFeatures] {
  return [f.id, { ...toStored(f), terms: [...f.terms] }];
}
