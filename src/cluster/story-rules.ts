import type { StoryRules } from "./config.js";
import { vectorOf, type ArticleFeatures } from "./features.js";
import type { LevelConfig } from "./groups.js";
import { Profile } from "./profile.js";
import { scoreValue, weightedShare } from "./similarity.js";
import type { TermVector } from "./vector.js";

/** Why a candidate story that scored high enough was refused (stored with the decision), or null: accepted. */
export type Refusal =
  | "size" // below the threshold a story of its size needs
  | "terms" // the words alone do not agree enough
  | "few-terms" // too few words in common: items linked by a word or two
  | "span" // the story would span more days than a happening does
  | "core-entities" // none of the entities most of the story names
  | "core-title" // none of the title words most of the story's headlines hold
  | "entities" // too few of the article's actors and places in the story
  | "title" // the headline does not agree with the story's
  | "place" // it happens somewhere the story does not
  | "outlet-day" // its outlet's report of another day is in the story (a beat's other issue, a follow-up)
  | "outlet-same-day" // its outlet's report of the same day is in the story, and the words do not agree enough
  | "outlet-headline" // its outlet's report of the same day is in the story, and the headlines name other things
  | "members"; // too few of the story's members, one by one, are close enough (a chain)

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
  level?: LevelConfig,
  members?: readonly ArticleFeatures[],
): Refusal | null {
  if (score < neededScore(threshold, p.n, rules)) return "size";
  if (rules.minTerms > 0 && p.n > 0 && vectorOf(f).dot(p.centroid) / p.n < rules.minTerms) return "terms";
  if (rules.minSharedTerms > 0 && sharedTerms(f, p, rules.minSharedTerms) < rules.minSharedTerms) return "few-terms";
  if (f.day !== null && p.first !== null && p.last !== null) {
    if (Math.max(p.last, f.day) - Math.min(p.first, f.day) > rules.maxSpanDays) return "span";
  }
  if (f.entities.length > 0 && p.entities.size > 0) {
    if (p.n >= rules.coreFrom && !sharesCore(f.entities, p.entities, p.n, rules.coreShare)) return "core-entities";
    if (share(f.entities, p.entities, idf) < rules.minEntityShare) return "entities";
  }
  if (f.title.length > 0 && p.title.size > 0) {
    if (p.n >= rules.coreFrom && !sharesCore(f.title, p.title, p.n, rules.coreShare)) return "core-title";
    if (rules.minTitleShare > 0 && otherDay(f, p) && headlineShare(f.title, p, idf) < rules.minTitleShare)
      return "title";
  }
  if (rules.sameOutletHeadline > 0 && f.title.length > 0 && p.title.size > 0 && sameOutletDay(f, p)) {
    if (headlineShare(f.title, p, idf) < rules.sameOutletHeadline) return "outlet-headline";
  }
  if (rules.samePlace && placesDiffer(f, p)) return "place";
  if (rules.oneDayPerOutlet && f.outlet !== undefined && f.day !== null && p.outletOnOtherDay(f.outlet, f.day))
    return "outlet-day";
  if (rules.sameOutletScore > 0 && score < rules.sameOutletScore && f.outlet !== undefined && f.day !== null) {
    if (p.outletOnDay(f.outlet, f.day)) return "outlet-same-day";
  }
  if (rules.memberShare > 0 && level !== undefined && members !== undefined && members.length > 1) {
    if (!closeToMembers(f, members, threshold, rules.memberShare, level, idf)) return "members";
  }
  return null;
}

/** The rules on time alone (what a near copy must also meet, `copiesKeepTime`): the span, and one day per outlet. */
export function timeRefusal(f: ArticleFeatures, p: Profile, rules: StoryRules): Refusal | null {
  if (f.day !== null && p.first !== null && p.last !== null) {
    if (Math.max(p.last, f.day) - Math.min(p.first, f.day) > rules.maxSpanDays) return "span";
  }
  if (rules.oneDayPerOutlet && f.outlet !== undefined && f.day !== null && p.outletOnOtherDay(f.outlet, f.day))
    return "outlet-day";
  return null;
}

/** How many of the article's terms the story's centroid holds, counted up to `enough`. */
function sharedTerms(f: ArticleFeatures, p: Profile, enough: number): number {
  let n = 0;
  for (const t of f.terms.keys()) if (p.centroid.get(t) !== undefined && ++n >= enough) break;
  return n;
}

/** Whether the story holds a report of the article's outlet of the article's day. */
function sameOutletDay(f: ArticleFeatures, p: Profile): boolean {
  return f.outlet !== undefined && f.day !== null && p.outletOnDay(f.outlet, f.day);
}

/** A member as a one-article story, made once per member (revision asks for each member again after every join). */
const alone = new WeakMap<ArticleFeatures, Profile>();

function aloneProfile(m: ArticleFeatures): Profile {
  let p = alone.get(m);
  if (p === undefined) {
    p = new Profile();
    p.add(m);
    alone.set(m, p);
  }
  return p;
}

/** Whether `f` reaches `threshold` against at least `share` of `members` one by one (the members of a small story). */
function closeToMembers(
  f: ArticleFeatures,
  members: readonly ArticleFeatures[],
  threshold: number,
  share: number,
  level: LevelConfig,
  idf: (key: string) => number,
): boolean {
  const need = Math.ceil(share * members.length - 1e-9);
  let close = 0;
  for (const [i, m] of members.entries()) {
    if (scoreValue(f, aloneProfile(m), level.weights, level.time, idf, level.link) >= threshold) close++;
    if (close >= need) return true;
    if (close + members.length - 1 - i < need) return false;
  }
  return close >= need;
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

/** Idf-weighted share of `keys` (the article's entities, or title words) the story also has; all of none. */
function share(keys: readonly string[], have: TermVector, idf: (key: string) => number): number {
  return weightedShare(keys, have, idf, 1);
}

/** Whether the article and the story are not all of one day (both dated): a later report of the subject. */
function otherDay(f: ArticleFeatures, p: Profile): boolean {
  if (f.day === null || p.first === null || p.last === null) return false;
  return p.first !== f.day || p.last !== f.day;
}

/**
 * Idf-weighted share of the article's headline words that the story's reports hold, in their headlines or among
 * their main words: a headline names the happening, and reports of one happening name it too, if not always in
 * their own headlines.
 */
function headlineShare(title: readonly string[], p: Profile, idf: (key: string) => number): number {
  let all = 0;
  let hit = 0;
  for (const k of title) {
    const w = idf(k);
    all += w;
    if (p.title.get(k) !== undefined || p.centroid.get(k) !== undefined) hit += w;
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
