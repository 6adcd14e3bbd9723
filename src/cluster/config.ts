import { DEFAULT_DEDUP, type DedupConfig } from "../dedup/dedup-index.js";
import type { LevelConfig } from "./groups.js";

/**
 * Every tunable of dedup, stories and topics, in one object passed to the `Clusterer` (`DEFAULT_CLUSTER_CONFIG`
 * unless a caller passes its own, as the evaluations do). docs/clustering.md gives each value's reason and figures.
 * What is not here is part of the stored representation (the article vector's size and idf floor, features.ts;
 * the profile's centroid size, profile.ts; MinHash's hashes and bands, dedup/minhash.ts): changing those changes
 * what the store holds, not how it is read.
 */
export interface ClusterConfig {
  story: LevelConfig;
  /** What a join to a story must show besides its score (event evidence), see `StoryRules`. */
  storyRules: StoryRules;
  topic: LevelConfig;
  /** Story revision: members of small stories are re-checked after each join. */
  revision: {
    /** Stories of at most this many members keep their members' features and are revised. */
    storyMembers: number;
    /** How many of the most recently started stories keep their members (memory bound). */
    storiesKept: number;
  };
  /** Topic threading: when a topic is compared with its neighbours again, and when it is re-clustered. */
  threading: {
    /** After a merge, a topic of at most this many stories is re-clustered (split.ts); 0: never. */
    revisableTopic: number;
    /** Topics of at most this many articles are compared with their neighbours whenever they change. */
    rethreadAlways: number;
    /** A larger topic is compared again once it has grown by this share since its last comparison. */
    rethreadGrowth: number;
  };
  /** Memory is a window: what nothing can reach any more leaves memory (never the store). */
  memory: {
    /** Retirement is checked every this many placements. */
    retireEvery: number;
    /** A group or dedup entry unchanged for this many placements may retire (with the days condition). */
    idlePlacements: number;
    /** Days after which an article is no longer looked for as the original of a new copy. */
    dedupDays: number;
    /** Weeks of the candidate postings are kept this many days behind the newest day seen. */
    postingDays: number;
  };
  dedup: DedupConfig;
}

/**
 * Event evidence a join to a story needs besides its score (story-rules.ts): a score alone says "same subject";
 * these say "same happening". All are checked against the story as a whole (its core), never only against the
 * member the article is nearest to, so a story cannot grow by chaining (A~B, B~C, A≁C).
 */
export interface StoryRules {
  /**
   * The words must agree on their own: the article's term cosine with the story (its link) at least this. Shared
   * entities raise a score, but an actor named in two reports (a minister, a spokesman, a country) makes them the
   * same subject, not the same happening.
   */
  minTerms: number;
  /**
   * The score needed grows with the story's size: threshold × (1 + sizeCost × ln n). A weak join to a large story
   * costs more than a new story (which revision and topic threading can still relate).
   */
  sizeCost: number;
  /**
   * Days a story may span (last − first day after the join). Past it a report is a new happening even on the
   * same subject (the next day's weather, a second strike): it starts a story, which its topic links.
   */
  maxSpanDays: number;
  /**
   * Core share: an entity or title word is the story's core when at least this share of its members have it.
   * When the story has a core and the article has entities (title words), it must share one of the core's.
   */
  coreShare: number;
  /** Stories with at least this many members are checked against their core (smaller ones have no core yet). */
  coreFrom: number;
  /**
   * When both the article and the story name specific entities (people, organisations, places), they must share
   * at least this idf-weighted share of the article's: the same actors and places.
   */
  minEntityShare: number;
  /**
   * Headline agreement across days: a report of another day than the story's joins only when this idf-weighted
   * share of its headline words is in the story's headlines or main words. Reports of one day that agree in their
   * words are the same happening even under different headlines (the seeds' three reports of one hearing); a next
   * day's report on the subject must name the same happening.
   */
  minTitleShare: number;
  /** When both name a main place, they must share one (two like events in two places are two events). */
  samePlace: boolean;
  /**
   * An outlet's report does not join a story that holds the same outlet's report of another day: one outlet on one
   * subject on two days is two issues of a beat (weather, markets, cartoons, telegrams) or a follow-up, a new
   * happening either way; its topic links them.
   */
  oneDayPerOutlet: boolean;
  /**
   * The score a join needs when the story already holds the same outlet's report of the same day (0: the level's
   * threshold). An outlet reports one happening once a day, or twice with much the same words (an update, a rewrite);
   * two of its reports of one day that only share a subject are two happenings (two statements on one country, a
   * market's morning and evening reports, two notices of one column).
   */
  sameOutletScore: number;
  /**
   * A story whose members are known (a small story, see `revision`): the article must reach the level's threshold
   * against at least this share of the members one by one, not only on average. An article close to one member and
   * far from the others is a chain (A~B, B~C, A≁C), not the same happening. 0: off.
   */
  memberShare: number;
  /**
   * A near copy follows its original's story only when the time rules allow it (`maxSpanDays`, `oneDayPerOutlet`):
   * a page that repeats another of another week is the next issue of a column or a beat under the same
   * boilerplate (a poem's introduction, a cartoon's page), not a copy of the same report.
   */
  copiesKeepTime: boolean;
  /**
   * A story holding the same outlet's report of the same day: the idf-weighted share of the article's headline words
   * in the story's headlines or main words must reach this (0: off). An outlet's second item of a day on a happening
   * is an update that names it again; two of its items that name different happenings of one subject (two fronts of
   * one offensive, two statements) are two stories.
   */
  sameOutletHeadline: number;
  /**
   * The article must share at least this many of its terms with the story's (0: off). A score reached on one or two
   * words is items linked by a word (two outlets' cartoons under one caption, two notices of one page), not one
   * report's facts retold.
   */
  minSharedTerms: number;
}

/**
 * Stories (events): one happening reported by many outlets over a few days. Terms carry most of the evidence
 * (names of places and people are terms too); specific entities add to it. Title words are left out of the score
 * (weight 0): headlines of one topic's different events share its names (كارتر، داعش) more than its events' words;
 * the title's core is a rule instead (StoryRules). Time costs nothing within two days and then decays with an
 * e-folding length of four days.
 */
export const STORY_LEVEL: LevelConfig = {
  weights: { terms: 0.7, entities: 0.2, title: 0 },
  link: "average",
  time: { free: 2, decay: 4 },
  threshold: 0.24,
  queryTerms: 12,
  maxCandidates: 24,
  postingCap: 48,
};

export const STORY_RULES: StoryRules = {
  minTerms: 0.15,
  sizeCost: 0,
  maxSpanDays: 3,
  coreShare: 0.5,
  coreFrom: 4,
  minEntityShare: 0.01,
  minTitleShare: 0.25,
  samePlace: false,
  oneDayPerOutlet: true,
  sameOutletScore: 0.36,
  memberShare: 0.5,
  copiesKeepTime: true,
  sameOutletHeadline: 0.45,
  minSharedTerms: 0,
};

/**
 * Topics: stories threaded over weeks and months (a war, a campaign, a trial). Topics are compared with topics as
 * wholes by average link (the mean over member pairs, `groupScore`) and merged while a pair reaches the threshold,
 * so the threshold is on a mean pairwise score (low: 0.05; range 0.03–0.12). Time costs nothing within sixty days
 * and decays with an e-folding length of a year. The article-to-topic score (centroid link) is only what the
 * decision shows and how candidates are found.
 */
export const TOPIC_LEVEL: LevelConfig = {
  weights: { terms: 0.7, entities: 0.2, title: 0.1 },
  link: "centroid",
  time: { free: 60, decay: 365 },
  threshold: 0.05,
  queryTerms: 12,
  maxCandidates: 24,
  postingCap: 64,
  places: { penalty: 0.3, dominant: 0.6, foreign: 0.1 },
  minEntities: 0.0001,
  minTermsAlone: 0.03,
  oneOutletApart: true,
};

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = {
  story: STORY_LEVEL,
  storyRules: STORY_RULES,
  topic: TOPIC_LEVEL,
  revision: { storyMembers: 8, storiesKept: 5000 },
  threading: { revisableTopic: 12, rethreadAlways: 8, rethreadGrowth: 1 / 8 },
  memory: { retireEvery: 5000, idlePlacements: 20_000, dedupDays: 30, postingDays: 30 },
  dedup: DEFAULT_DEDUP,
};

/** Days past which a group's time factor alone is below the level's threshold, so no article or topic can reach it. */
export function retireDays(level: LevelConfig): number {
  return level.time.free + level.time.decay * Math.log(1 / level.threshold);
}
