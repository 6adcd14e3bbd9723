import type { LevelConfig } from "./groups.js";

/**
 * Stories (events): one happening reported by many outlets over a few days. Terms carry most of the evidence
 * (names of places and people are terms too); specific entities add to it. Title words are left out at this level
 * (weight 0): headlines of one topic's different events share its names (كارتر، داعش) more than its events' words. Time costs nothing within two
 * days and then decays with an e-folding length of four days, so an article a week after a story's last one needs
 * a strong match, and one a month after cannot join it.
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
  placePenalty: 0.3,
};
