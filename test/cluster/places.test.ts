import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { TOPIC_LEVEL } from "../../src/cluster/config.js";
import type { ArticleFeatures } from "../../src/cluster/features.js";
import { Profile } from "../../src/cluster/profile.js";
import { placeFactor } from "../../src/cluster/similarity.js";

/** An invented article: only its places matter here. */
function art(id: string, places: string[], main: string[] = places): ArticleFeatures {
  return {
    id,
    day: 100,
    terms: new Map([["زلزال", 1]]),
    entities: [],
    title: [],
    places: [...places].sort(),
    mainPlaces: [...main].sort(),
  };
}

function group(...members: ArticleFeatures[]): Profile {
  const p = new Profile();
  for (const m of members) p.add(m);
  return p;
}

/** The topic level's place rule with another penalty. */
const rule = (penalty: number) => ({ ...TOPIC_LEVEL.places!, penalty });

test("two groups each dominated by a place the other does not name are penalised", () => {
  const a = group(
    art("a1", ["chile", "united-states"], ["chile"]),
    art("a2", ["chile"]),
    art("a3", ["chile", "peru"], ["chile"]),
  );
  const b = group(art("b1", ["haiti", "united-states"], ["haiti"]), art("b2", ["haiti"]));
  assert.equal(placeFactor(a, b, rule(0.3)), 0.3);
  assert.equal(placeFactor(b, a, rule(0.3)), 0.3);
});

test("a group that names the other's place is not penalised (a city story inside a country's topic)", () => {
  const a = group(art("a1", ["iraq", "mosul"], ["iraq"]), art("a2", ["iraq"]), art("a3", ["iraq", "basra"], ["iraq"]));
  const b = group(art("b1", ["mosul", "iraq"], ["mosul"]), art("b2", ["mosul"], ["mosul"]));
  assert.equal(placeFactor(a, b, rule(0.3)), 1);
});

test("a topic whose places vary (a tour) has no dominant place and is never penalised", () => {
  const tour = group(art("t1", ["britain"]), art("t2", ["france"]), art("t3", ["united-states"]), art("t4", ["india"]));
  const other = group(art("o1", ["japan"]), art("o2", ["japan"]));
  assert.equal(placeFactor(tour, other, rule(0.3)), 1);
});

test("penalty 1 switches the signal off; groups without places are never penalised", () => {
  const a = group(art("a1", ["chile"]), art("a2", ["chile"]));
  const b = group(art("b1", ["haiti"]), art("b2", ["haiti"]));
  assert.equal(placeFactor(a, b, rule(1)), 1);
  assert.equal(placeFactor(group(art("x", [])), b, rule(0.3)), 1);
});

test("the place factor is symmetric and is either 1 or the penalty", () => {
  const ids = ["chile", "haiti", "peru", "iraq"];
  const member = fc
    .tuple(fc.subarray(ids), fc.subarray(ids))
    .map(([all, main]) => ({ all: [...new Set([...all, ...main])], main }));
  fc.assert(
    fc.property(
      fc.array(member, { minLength: 1, maxLength: 5 }),
      fc.array(member, { minLength: 1, maxLength: 5 }),
      (xs, ys) => {
        const a = group(...xs.map((m, i) => art(`a${i}`, m.all, m.main)));
        const b = group(...ys.map((m, i) => art(`b${i}`, m.all, m.main)));
        const f = placeFactor(a, b, rule(0.3));
        assert.equal(f, placeFactor(b, a, rule(0.3)));
        assert.ok(f === 1 || f === 0.3);
      },
    ),
  );
});
