import { hash64 } from "../core/hash.js";
import type { Article } from "../core/types.js";
import { DedupIndex, type DedupEntry, type DuplicateMatch } from "../dedup/dedup-index.js";
import { signature } from "../dedup/minhash.js";
import { identityWords, shingleHashes } from "../dedup/shingles.js";
import { STORY_LEVEL, TOPIC_LEVEL } from "./config.js";
import { DocFreq } from "./df.js";
import { articleDay, articleTerms, extractFeatures, type ArticleFeatures } from "./features.js";
import { GroupIndex, type LevelConfig, type Match } from "./groups.js";
import type { Profile } from "./profile.js";
import type { Evidence } from "./similarity.js";

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
}

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
  private entityDocs = 0;
  /** story id → topic id; article id → story id (for copies). */
  readonly topicOf = new Map<string, string>();
  readonly storyOf = new Map<string, string>();

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
    const shingles = shingleHashes(article.text);
    const dedup: DedupEntry = {
      id: article.id,
      exactKey: hash64(identityWords(article.text).join(" ")),
      sig: signature(shingles),
      shingles: shingles.length,
      day: articleDay(article),
      seq,
    };
    const duplicate = article.text.trim().length > 0 ? this.dedup.check(dedup) : null;
    const relinked = this.dedup.add(dedup, duplicate);
    const decision = this.decide(features, duplicate);
    this.storyOf.set(article.id, decision.story);
    return { article, features, dedup, decision, relinked };
  }

  private decide(f: ArticleFeatures, duplicate: DuplicateMatch | null): Decision {
    const copyOf = duplicate ? this.storyOf.get(duplicate.original) : undefined;
    const copyStory = copyOf !== undefined ? this.stories.get(copyOf) : undefined;
    if (duplicate && copyStory) {
      this.stories.add(copyStory, f);
      const topic = this.topicOf.get(copyStory.id)!;
      this.topics.add(this.topics.get(topic)!, f);
      return { action: "copy", story: copyStory.id, threshold: 1, best: null, candidates: 0, duplicate, topic: { action: "inherit", id: topic, best: null } };
    }
    const match = this.stories.best(f);
    const threshold = this.stories.config.threshold;
    const best = match ? { story: match.group.id, evidence: match.evidence } : null;
    if (match && match.evidence.score >= threshold) {
      this.stories.add(match.group, f);
      const topic = this.topicOf.get(match.group.id)!;
      this.topics.add(this.topics.get(topic)!, f);
      return { action: "join", story: match.group.id, threshold, best, candidates: match.candidates, duplicate, topic: { action: "inherit", id: topic, best: null } };
    }
    const story = this.stories.create(`s${f.id}`, f);
    const topic = this.placeTopic(f);
    this.topicOf.set(story.id, topic.id);
    return { action: "new", story: story.id, threshold, best, candidates: match?.candidates ?? 0, duplicate, topic };
  }

  private placeTopic(f: ArticleFeatures): Decision["topic"] {
    const match: Match | null = this.topics.best(f);
    const best = match ? { topic: match.group.id, evidence: match.evidence } : null;
    if (match && match.evidence.score >= this.topics.config.threshold) {
      this.topics.add(match.group, f);
      return { action: "join", id: match.group.id, best };
    }
    const created = this.topics.create(`t${f.id}`, f);
    return { action: "new", id: created.id, best };
  }

  /** Restores a story (and its topic link) from the store. */
  restoreStory(id: string, topic: string, profile: Profile): void {
    if (!this.stories.get(id)) this.stories.create(id, null, profile);
    this.topicOf.set(id, topic);
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
