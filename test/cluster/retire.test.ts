import { test } from "node:test";
import assert from "node:assert/strict";
import { retireDays, STORY_LEVEL, TOPIC_LEVEL } from "../../src/cluster/config.js";
import type { ArticleFeatures } from "../../src/cluster/features.js";
import { GroupIndex, isLive } from "../../src/cluster/groups.js";

function art(id: string, day: number | null, terms = ["زلزال", "انقاذ"]): ArticleFeatures {
  return {
    id,
    day,
    terms: new Map(terms.map((t) => [t, 1 / Math.sqrt(terms.length)])),
    entities: [],
    title: [],
    places: [],
    mainPlaces: [],
  };
}

test("retireDays: where the time factor alone falls below the threshold (stories ~7.7 days, topics ~1,150)", () => {
  const factor = (days: number, level: typeof STORY_LEVEL) =>
    Math.exp(-Math.max(0, days - level.time.free) / level.time.decay);
  for (const level of [STORY_LEVEL, TOPIC_LEVEL])
    assert.ok(Math.abs(factor(retireDays(level), level) - level.threshold) < 1e-9);
  assert.ok(retireDays(STORY_LEVEL) > 7 && retireDays(STORY_LEVEL) < 8);
});

test("a group retires only when idle for the placements given and old by days; then it is no candidate", () => {
  const idx = new GroupIndex(STORY_LEVEL, () => 5);
  idx.clock = 1;
  const old = idx.create("s-old", art("a", 100));
  const undated = idx.create("s-undated", art("b", null));
  idx.clock = 80;
  const busy = idx.create("s-busy", art("c", 100));
  idx.clock = 90;
  const recent = idx.create("s-recent", art("d", 195));
  idx.clock = 100;
  // Idle means unchanged for more than 30 placements; old means a last day more than 8 days before day 200.
  const out = idx
    .retireIdle(200, 8, 30, 30)
    .map((g) => g.id)
    .sort();
  assert.deepEqual(out, ["s-old", "s-undated"]);
  assert.ok(!isLive(old) && !isLive(undated) && isLive(busy) && isLive(recent));
  assert.equal(idx.liveSize, 2);
  assert.equal(old.profile.n, 0);
  const found = idx.candidates(art("e", 100)).map((g) => g.id);
  assert.ok(!found.includes("s-old") && found.includes("s-busy"));
  // Reached all the same (another worker's placement), a retired group comes back with what it is given.
  idx.add(old, art("f", 200));
  assert.ok(isLive(old));
  assert.equal(old.profile.n, 1);
  assert.equal(idx.liveSize, 3);
});

test("a group that keeps changing is never retired, however old its days", () => {
  const idx = new GroupIndex(STORY_LEVEL, () => 5);
  const g = idx.create("s1", art("a", 10));
  for (let clock = 1; clock <= 200; clock++) {
    idx.clock = clock;
    idx.add(g, art(`x${clock}`, 10));
    assert.equal(idx.retireIdle(1000, 8, 30, 30).length, 0);
  }
});
