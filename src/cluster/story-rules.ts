import type { StoryRules } from "./config.js";
import type { ArticleFeatures } from "./features.js";
import type { Profile } from "./profile.js";
import type { TermVector } from "./vector.js";

/** Why a candidate story that scored high enough was refused (stored with the decision), or null: accepted. */
export type Refusal =
  | "size" // below the threshold a story of its size needs
  | "span" // the story would span more days than a happening does
  | "core-entities" // none of the entities most of the story names
  | "core-title" // none of the title words most of the story's headlines hold
  | "entities" // too few of the article's actors and places in the story
  | "place"; // it happens somewhere the story does not

/** The score a story of `n` members needs: the level's threshold, raised with the story's size. */
export function neededScore(threshold: number, n: number, rules: StoryRules): number {
  return n > 1 ? threshold * (1 + rules.sizeCost * Math.log(n)) : threshold;
}

/**
 * Whether the event evidence supports joining `f` to the story `p` that scored `score` (see StoryRules): a score
 * says "same subject"; the rules ask for the same happening — time within a happening's span, the actors and
 * places the story is about (its core, what most of its members share, so a chain A~B~C cannot pull C in through
 * B alone), the headline's words, and no other place. Each rule applies only when both sides have the evidence it
 * reads: an article without entities is judged on its words and time.
 */
export function refusal(
  f: ArticleFeatures,
  p: Profile,
  score: number,
  threshold: number,
  rules: StoryRules,
  idf: (key: string) => number,
): Refusal | null {
  if (score < neededScore(threshold, p.n, rules)) return "size";
  if (f.day !== null && p.first !== null && p.last !== null) {
    if (Math.max(p.last, f.day) - Math.min(p.first, f.day) > rules.maxSpanDays) return "span";
  }
  if (f.entities.length > 0 && p.entities.size > 0) {
    if (p.n >= rules.coreFrom && !sharesCore(f.entities, p.entities, p.n, rules.coreShare)) return "core-entities";
    if (entityShare(f.entities, p, idf) < rules.minEntityShare) return "entities";
  }
  if (p.n >= rules.coreFrom && f.title.length > 0 && p.title.size > 0) {
    if (!sharesCore(f.title, p.title, p.n, rules.coreShare)) return "core-title";
  }
  if (rules.samePlace && placesDiffer(f, p)) return "place";
  return null;
}

/** Whether `keys` hold one of the keys at least `share` of the story's `n` members have (true when none do). */
function sharesCore(keys: readonly string[], counts: TermVector, n: number, share: number): boolean {
  const min = Math.max(2, share * n);
  let core = false;
  for (let i = 0; i < counts.names.length; i++) {
    if (counts.weights[i]! < min) continue;
    core = true;
    if (keys.includes(counts.names[i]!)) return true;
  }
  return !core;
}

/** Idf-weighted share of the article's entities the story also names. */
function entityShare(entities: readonly string[], p: Profile, idf: (key: string) => number): number {
  let all = 0;
  let hit = 0;
  for (const e of entities) {
    const w = idf(e);
    all += w;
    if (p.entities.get(e) !== undefined) hit += w;
  }
  return all > 0 ? hit / all : 1;
}

/**
 * Whether the article happens somewhere the story does not: the article has main places, none of which the story
 * names, and the story has a main place (named most by half its members) that the article does not name at all.
 */
function placesDiffer(f: ArticleFeatures, p: Profile): boolean {
  if (f.mainPlaces.length === 0 || p.mainPlaces.size === 0) return false;
  if (f.mainPlaces.some((x) => p.places.has(x))) return false;
  for (const [x, c] of p.mainPlaces) if (c * 2 >= p.n && !f.places.includes(x)) return true;
  return false;
}
