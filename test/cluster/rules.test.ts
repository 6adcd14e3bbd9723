import { test } from "node:test";
import assert from "node:assert/strict";
import { STORY_LEVEL, STORY_RULES, TOPIC_LEVEL } from "../../src/cluster/config.js";
import type { ArticleFeatures } from "../../src/cluster/features.js";
import { Profile } from "../../src/cluster/profile.js";
import { groupScoreValue } from "../../src/cluster/similarity.js";
import { refusal, timeRefusal } from "../../src/cluster/story-rules.js";

// Invented articles: terms with equal weights (unit length), an outlet and a day. Entities and titles are left out,
// so only the rules under test can refuse.
function article(id: string, terms: string[], outlet: string, day: number, entities: string[] = []): ArticleFeatures {
  const w = 1 / Math.sqrt(terms.length);
  return { id, day, terms: new Map(terms.map((t) => [t, w])), entities, title: [], places: [], mainPlaces: [], outlet };
}

function profileOf(...fs: ArticleFeatures[]): Profile {
  const p = new Profile();
  for (const f of fs) p.add(f);
  return p;
}

const idf = (): number => 1;
const words = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);

test("an outlet's second report of a day joins only with a score that says the same words, another outlet's at the threshold", () => {
  const first = article("a", words("w", 10), "outlet-1", 100);
  const story = profileOf(first);
  const same = article("b", words("w", 10), "outlet-1", 100);
  const rules = STORY_RULES;
  // A score between the threshold and `sameOutletScore`: refused for the same outlet, accepted for another.
  const weak = (STORY_LEVEL.threshold + rules.sameOutletScore) / 2;
  assert.equal(refusal(same, story, weak, STORY_LEVEL.threshold, rules, idf), "outlet-same-day");
  assert.equal(refusal({ ...same, outlet: "outlet-2" }, story, weak, STORY_LEVEL.threshold, rules, idf), null);
  assert.equal(refusal(same, story, rules.sameOutletScore, STORY_LEVEL.threshold, rules, idf), null);
});

test("a chain is refused: close to one member of a small story and far from the others", () => {
  // a and b share half their words, c shares half of b's other half: c is near b only.
  const a = article("a", [...words("x", 4), ...words("y", 4)], "o1", 100);
  const b = article("b", [...words("y", 4), ...words("z", 4)], "o2", 100);
  const c = article("c", [...words("z", 4), ...words("q", 4)], "o3", 100);
  const d = article("d", [...words("y", 4), ...words("z", 4)], "o4", 100);
  const members = [a, b];
  const story = profileOf(a, b);
  const rules = { ...STORY_RULES, memberShare: 0.67 };
  assert.equal(refusal(c, story, 0.3, STORY_LEVEL.threshold, rules, idf, STORY_LEVEL, members), "members");
  // d is as close to a as b is: accepted.
  assert.equal(refusal(d, story, 0.3, STORY_LEVEL.threshold, rules, idf, STORY_LEVEL, members), null);
  // Without the members (a large, settled story) the rule has nothing to read.
  assert.equal(refusal(c, story, 0.3, STORY_LEVEL.threshold, rules, idf, STORY_LEVEL), null);
});

test("a copy of another week, or of the same outlet on another day, is held by the time rules", () => {
  const original = profileOf(article("a", words("w", 10), "outlet-1", 100));
  assert.equal(timeRefusal(article("b", words("w", 10), "outlet-2", 101), original, STORY_RULES), null);
  assert.equal(timeRefusal(article("c", words("w", 10), "outlet-2", 110), original, STORY_RULES), "span");
  assert.equal(timeRefusal(article("d", words("w", 10), "outlet-1", 101), original, STORY_RULES), "outlet-day");
});

test("topics: two runs of one outlet alone are kept apart, and no shared entity needs words that agree", () => {
  const col1 = profileOf(article("a", words("w", 10), "outlet-1", 100), article("b", words("w", 10), "outlet-1", 101));
  const col2 = profileOf(article("c", words("w", 10), "outlet-1", 102));
  const other = profileOf(article("d", words("w", 10), "outlet-2", 102));
  const { weights, time, places, minTerms, minEntities, minTermsAlone } = TOPIC_LEVEL;
  const score = (x: Profile, y: Profile, apart = TOPIC_LEVEL.oneOutletApart) =>
    groupScoreValue(x, y, weights, time, places, minTerms, minEntities, minTermsAlone, apart);
  assert.equal(score(col1, col2), 0);
  assert.ok(score(col1, other) > TOPIC_LEVEL.threshold);
  assert.ok(score(col1, col2, false) > TOPIC_LEVEL.threshold);
  // Different entities: words that agree enough on their own (one shared word in twenty, cosine 0.05) may merge;
  // one shared word in a sixty-word article (cosine 0.029 < minTermsAlone) may not, unless an entity is shared.
  const e1 = profileOf(article("e", words("a", 20), "o1", 100, ["e1"]));
  const near = profileOf(article("f", ["a0", ...words("b", 19)], "o2", 100, ["e2"]));
  const far = (entity: string) => profileOf(article("g", ["a0", ...words("c", 59)], "o3", 100, [entity]));
  assert.ok(score(e1, near) > 0);
  assert.equal(score(e1, far("e2")), 0);
  assert.ok(score(e1, far("e1")) > 0);
});

test("an outlet's second item of a day must name the same happening in its headline", () => {
  const titled = (a: ArticleFeatures, title: string[]): ArticleFeatures => ({ ...a, title });
  const first = titled(article("a", words("w", 10), "outlet-1", 100), words("h", 4));
  const story = profileOf(first);
  const rules = { ...STORY_RULES, sameOutletHeadline: 0.3 };
  const other = titled(article("b", words("w", 10), "outlet-1", 100), ["k0", "k1", "k2", "h0"]);
  assert.equal(refusal(other, story, 0.9, STORY_LEVEL.threshold, rules, idf), "outlet-headline");
  // Another outlet's report with that headline, or the same outlet's update that names the happening: accepted.
  assert.equal(refusal({ ...other, outlet: "outlet-2" }, story, 0.9, STORY_LEVEL.threshold, rules, idf), null);
  const update = titled(other, ["h0", "h1", "k0"]);
  assert.equal(refusal(update, story, 0.9, STORY_LEVEL.threshold, rules, idf), null);
});

test("a join needs more than a word or two in common with the story", () => {
  const first = article("a", words("w", 10), "o1", 100);
  const story = profileOf(first);
  const rules = { ...STORY_RULES, minSharedTerms: 3 };
  // One heavy shared word (a caption, a page's name) and nothing else: refused whatever the score.
  const linked = article("b", ["w0", ...words("v", 1)], "o2", 100);
  assert.equal(refusal(linked, story, 0.9, STORY_LEVEL.threshold, rules, idf), "few-terms");
  const retold = article("c", [...words("w", 3), ...words("v", 3)], "o2", 100);
  assert.equal(refusal(retold, story, 0.9, STORY_LEVEL.threshold, rules, idf), null);
  assert.equal(refusal(linked, story, 0.9, STORY_LEVEL.threshold, { ...rules, minSharedTerms: 0 }, idf), null);
});
