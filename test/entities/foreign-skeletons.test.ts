import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSkeletons } from "../../src/annotate/entities/gazetteer/foreign-names.js";
import { FOREIGN_SKELETONS } from "../../src/annotate/entities/gazetteer/foreign-skeletons.js";

test("the shipped foreign given-name skeletons are the ones the datasets give (rerun scripts/foreign-skeletons.ts)", () => {
  const built = buildSkeletons();
  assert.ok(built.length > 1000, `only ${built.length} skeletons from the datasets`);
  assert.deepEqual(FOREIGN_SKELETONS.split(" "), built);
});
