import { test } from "node:test";
import assert from "node:assert/strict";
import { loadHasher } from "../../src/core/hash.js";
import { clusterPairs, loadSemeval, SAME, UNRELATED, type PairOutcome } from "../helpers/semeval-pairs.js";

// SemEval-2022 Task 8's Arabic training pairs, rated by people from 1 (same story) to 4 (unrelated), through the
// full pipeline and the default clustering: each pair alone, and all articles in one run (where a pair can also be
// joined through a third article). Figures by part (odd rows tuned the story rules, even rows check them) are in
// docs/clustering.md; `npx tsx bench/cluster-pairs.ts --list` prints them.
await loadHasher();
const set = await loadSemeval();
const runs = { alone: clusterPairs(set, "alone"), together: clusterPairs(set, "together") };

const unrelatedJoined = (out: PairOutcome[]) =>
  out.filter((o) => o.pair.overall >= UNRELATED && o.joined).map((o) => o.pair.row);
const sameJoined = (out: PairOutcome[]) => out.filter((o) => o.pair.overall <= SAME && o.joined).length;

test("the set is what the file holds: 56 rated pairs, 32 unrelated, 13 the same story", () => {
  assert.equal(set.pairs.length, 56);
  assert.equal(set.pairs.filter((p) => p.overall >= UNRELATED).length, 32);
  assert.equal(set.pairs.filter((p) => p.overall <= SAME).length, 13);
});

/**
 * Where the clustering stands: at most this many unrelated pairs share a story, and at least this many same-story
 * pairs are joined (each pair alone / all together). A change that joins more unrelated pairs or loses same-story
 * joins fails here; one that does better lowers (raises) the bound.
 */
const BOUND = { unrelatedJoined: { alone: 6, together: 4 }, sameJoined: { alone: 6, together: 6 } };

for (const mode of ["alone", "together"] as const) {
  test(`${mode}: unrelated pairs sharing a story stay at or below ${BOUND.unrelatedJoined[mode]}`, () => {
    const rows = unrelatedJoined(runs[mode]);
    assert.ok(rows.length <= BOUND.unrelatedJoined[mode], `unrelated pairs joined: rows ${rows.join(", ")}`);
  });
  test(`${mode}: at least ${BOUND.sameJoined[mode]} of 13 same-story pairs joined`, () => {
    assert.ok(sameJoined(runs[mode]) >= BOUND.sameJoined[mode], `joined ${sameJoined(runs[mode])}`);
  });
}

test("goal (#18): no unrelated pair shares a story", { todo: "not reached yet, see docs/clustering.md" }, () => {
  assert.deepEqual(unrelatedJoined(runs.alone), []);
  assert.deepEqual(unrelatedJoined(runs.together), []);
});

test(
  "goal (#18): same-story pairs joined ≥ 11 of 13",
  { todo: "three of the 13 hold page furniture, not the article" },
  () => {
    assert.ok(sameJoined(runs.alone) >= 11);
  },
);
