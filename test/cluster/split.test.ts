import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { TOPIC_LEVEL } from "../../src/cluster/config.js";
import type { ArticleFeatures } from "../../src/cluster/features.js";
import { Profile } from "../../src/cluster/profile.js";
import { averageLinkParts, PairScores, type SplitItem } from "../../src/cluster/split.js";

/** An invented one-article story: its terms (equal weights, unit length), its day and where it happens. */
function story(id: string, terms: string[], day: number, place: string): SplitItem {
  const w = 1 / Math.sqrt(terms.length);
  const f: ArticleFeatures = {
    id,
    day,
    terms: new Map(terms.map((t) => [t, w])),
    entities: [],
    title: [],
    places: [place],
    mainPlaces: [place],
  };
  const profile = new Profile();
  profile.add(f);
  return { id: `s${id}`, profile, version: 1 };
}

// Two earthquakes in two countries (invented terms): every story says "earthquake"; the stories of one country
// share three more words; each has four of its own. Across countries a pair shares one word in eight (0.125,
// enough to merge at 0.05), within one country four (0.5); the place factor (× 0.3) keeps the two apart.
const own = (p: string, i: number) => [0, 1, 2, 3].map((k) => `${p}${i}w${k}`);
const chile = [0, 1, 2, 3].map((i) =>
  story(`c${i}`, ["زلزال", "تشيلي", "سانتياغو", "بيتشيليمو", ...own("c", i)], 100 + i, "chile"),
);
const haiti = [0, 1, 2, 3].map((i) =>
  story(`h${i}`, ["زلزال", "هايتي", "بورتوبرنس", "ليوغان", ...own("h", i)], 101 + i, "haiti"),
);

test("a topic holding two like events in two places splits into the two", () => {
  const parts = averageLinkParts([...chile, ...haiti], TOPIC_LEVEL);
  assert.deepEqual(parts.map((p) => p.ids).sort(), [chile.map((x) => x.id), haiti.map((x) => x.id)].sort());
  for (const p of parts) assert.equal(p.profile.n, 4);
  // Without the place factor the words alone would keep them together.
  assert.equal(
    averageLinkParts([...chile, ...haiti], { ...TOPIC_LEVEL, places: { ...TOPIC_LEVEL.places!, penalty: 1 } }).length,
    1,
  );
});

test("one event stays one part, and a part of one story is a copy (a topic's profile must not be a story's)", () => {
  const parts = averageLinkParts(chile, TOPIC_LEVEL);
  assert.equal(parts.length, 1);
  const single = averageLinkParts([chile[0]!], TOPIC_LEVEL);
  assert.notEqual(single[0]!.profile, chile[0]!.profile);
  assert.equal(single[0]!.profile.n, 1);
});

test("property: the parts are a partition of the stories, whatever their order and whatever the cache holds", () => {
  const all = [...chile, ...haiti];
  const cache = new PairScores();
  const reference = averageLinkParts(all, TOPIC_LEVEL)
    .map((p) => p.ids.join(","))
    .sort();
  fc.assert(
    fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (order) => {
      const parts = averageLinkParts(order, TOPIC_LEVEL, cache);
      const ids = parts.flatMap((p) => p.ids).sort();
      assert.deepEqual(ids, all.map((x) => x.id).sort());
      assert.deepEqual(parts.map((p) => p.ids.join(",")).sort(), reference);
    }),
  );
});
