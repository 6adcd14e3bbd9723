import { hash64 } from "../core/hash.js";
import type { Article } from "../core/types.js";
import { DedupIndex, type DedupEntry, type DuplicateMatch } from "../dedup/dedup-index.js";
import { signature } from "../dedup/minhash.js";
import { identityWords, shinglesOfWords } from "../dedup/shingles.js";
import { STORY_LEVEL, TOPIC_LEVEL } from "./config.js";
import { DocFreq } from "./df.js";
import { articleDay, articleTerms, extractFeatures, type ArticleFeatures } from "./features.js";
import { GroupIndex, type LevelConfig } from "./groups.js";
import { Profile } from "./profile.js";
import { groupScore, score, type Evidence } from "./similarity.js";

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
  /** Every story whose profile or topic this placement changed (the article's own included). */
  touched: string[];
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
  /** Per-placement side effects, collected while deciding. */
  private effects = { moved: [] as Placement["moved"], topicMerges: [] as Placement["topicMerges"], touched: new Set<string>() };

  constructor(opts: { df?: DocFreq; story?: LevelConfig; topic?: LevelConfig } = {}) {
    this.df = opts.df ?? new DocFreq();
    const idf = (k: string) => this.keyIdf(k);
    this.stories = new GroupIndex(opts.story ?? STORY_LEVEL, idf);
    this.topics = new GroupIndex(opts.topic ?? TOPIC_LEVEL, idf);
  }

  /** Places one new article. `seq` orders ingest (earlier wins a tie for "original"). */
  place(article: Article, seq: number): Placement {
    const terms = articleTerms(article);
    this.df.observe(new Set(terms));
    this.observeEntities(article);
    const features = extractFeatures(article, terms, this.df);
    // One pass of identity normalisation serves both the exact key and the shingles.
    const words = identityWords(article.text);
    const shingles = shinglesOfWords(words);
    const dedup: DedupEntry = {
      id: article.id,
      exactKey: hash64(words.join(" ")),
      sig: signature(shingles),
      shingles: shingles.length,
      day: articleDay(article),
      seq,
    };
    const duplicate = article.text.trim().length > 0 ? this.dedup.check(dedup) : null;
    const relinked = this.dedup.add(dedup, duplicate);
    this.effects = { moved: [], topicMerges: [], touched: new Set() };
    const decision = this.decide(features, duplicate);
    this.storyOf.set(article.id, decision.story);
    this.remember(decision.story, features);
    if (decision.action !== "new") this.revise(decision.story);
    decision.topic.id = this.topicOf.get(decision.story)!;
    const { moved, topicMerges, touched } = this.effects;
    touched.add(decision.story);
    return { article, features, dedup, decision, relinked, moved, topicMerges, touched: [...touched] };
  }

  private decide(f: ArticleFeatures, duplicate: DuplicateMatch | null): Decision {
    const copyOf = duplicate ? this.storyOf.get(duplicate.original) : undefined;
    const copyStory = copyOf !== undefined ? this.stories.get(copyOf) : undefined;
    if (duplicate && copyStory) {
      this.stories.add(copyStory, f);
      const topic = this.rethread(f, this.topicOf.get(copyStory.id)!);
      return { action: "copy", story: copyStory.id, threshold: 1, best: null, candidates: 0, duplicate, topic };
    }
    const match = this.stories.best(f);
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
    const { into, first } = this.absorbNeighbours(id);
    return { action: into === id && this.topicStories.get(id)?.length === 1 ? "new" : "join", id: into, best: first };
  }

  /** A story grew by `f`: its topic grows, and is compared again with the topics around it. */
  private rethread(f: ArticleFeatures, topic: string): Decision["topic"] {
    const g = this.topics.get(topic)!;
    this.topics.add(g, f);
    // One article moves a large topic's average little: it is compared again each time it has grown by about an
    // eighth (every article up to 8, then every n/8-th), which keeps the cost per article flat as topics grow.
    const n = g.profile.n;
    if (n > 8 && n % Math.ceil(n / 8) !== 0) return { action: "inherit", id: topic, best: null };
    return { action: "inherit", id: this.absorbNeighbours(topic).into, best: null };
  }

  /**
   * A topic that changed is compared as a whole with the topics around it (candidates from the index, looked up with
   * the topic's profile as one article; scored by average link, `groupScore`), and the best one reaching the
   * threshold is merged in; repeated while one does. When no pair of neighbouring topics reaches the threshold
   * any more, the state is the one offline average-link clustering stops at, whatever the order of arrival.
   */
  private absorbNeighbours(topic: string): { into: string; first: { topic: string; evidence: Evidence } | null } {
    let id = topic;
    let first: { topic: string; evidence: Evidence } | null = null;
    const cfg = this.topics.config;
    for (let round = 0; round < 8; round++) {
      const g = this.topics.get(id)!;
      let best: { id: string; evidence: Evidence } | null = null;
      for (const other of this.topics.candidates(g.profile.asFeatures(id, cfg.queryTerms * 2), new Set([id]))) {
        const e = groupScore(g.profile, other.profile, cfg.weights, cfg.time, cfg.placePenalty);
        if (best === null || e.score > best.evidence.score || (e.score === best.evidence.score && other.id < best.id)) best = { id: other.id, evidence: e };
      }
      if (round === 0 && best !== null) first = { topic: best.id, evidence: best.evidence };
      if (best === null || best.evidence.score < cfg.threshold) return { into: id, first };
      id = this.mergeTopics(best.id, id);
    }
    return { into: id, first };
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
    for (const s of [...(this.topicStories.get(from) ?? [])]) {
      this.setTopic(s, into);
      this.effects.touched.add(s);
    }
    this.topicStories.delete(from);
    this.effects.topicMerges.push({ from, into });
    return into;
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
        const s = score(m, rest, this.stories.config.weights, this.stories.config.time, this.idfOf, this.stories.config.link).score;
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
    if (!this.stories.get(id)) this.stories.create(id, null, profile);
    this.setTopic(id, topic);
  }

  restoreTopic(id: string, profile: Profile): void {
    if (!this.topics.get(id)) this.topics.create(id, null, profile);
  }

  /** Restores one stored article's dedup entry, its story link and its share of the document frequencies. */
  restoreArticle(entry: DedupEntry, story: string | null, original: string | null, f: ArticleFeatures): void {
    const match: DuplicateMatch | null = original ? { original, kind: "exact", similarity: 1 } : null;
    this.dedup.add(entry, match);
    if (story) this.storyOf.set(entry.id, story);
    this.df.observe(f.terms.keys());
    this.entityDocs++;
    for (const e of f.entities) this.entityDf.set(e, (this.entityDf.get(e) ?? 0) + 1);
  }

  private observeEntities(a: Article): void {
    this.entityDocs++;
    for (const id of new Set(a.entities.map((e) => e.id))) this.entityDf.set(id, (this.entityDf.get(id) ?? 0) + 1);
  }

  /** Idf of a term, or of an entity id (`e:` keys and bare ids both), over what was seen. */
  private keyIdf(k: string): number {
    const ent = this.entityDf.get(k.startsWith("e:") ? k.slice(2) : k);
    if (ent !== undefined) return Math.log(1 + (this.entityDocs + 1) / (ent + 1));
    return this.df.idf(k);
  }
}
