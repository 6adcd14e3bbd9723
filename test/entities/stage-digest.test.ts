import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../src/core/paths.js";
import { DIGEST_FILE, stageDigests, type StageDigests } from "./stage-digest.js";

test("entities, links and quotes on a few hundred real articles are the ones pinned in stage-digest.json", async () => {
  const expected = JSON.parse(readFileSync(join(projectRoot(), ...DIGEST_FILE), "utf8")) as StageDigests;
  const got = await stageDigests();
  assert.deepEqual(Object.keys(got), Object.keys(expected));
  for (const [group, hashes] of Object.entries(expected)) {
    const mine = got[group] ?? [];
    assert.equal(mine.length, hashes.length, `${group}: article count`);
    const first = hashes.findIndex((h, i) => mine[i] !== h);
    assert.equal(first, -1, `${group}: article ${first + 1} (and maybe later ones) differs from the pinned result`);
  }
});
