import assert from "node:assert/strict";
import { test } from "node:test";
import { annotateLine } from "../../src/annotate/line.js";

// Found by fuzzing: a digit run too long for a double gave a figure of Infinity, which JSON cannot carry.
test("a digit run too long for a number is not a figure", () => {
  const line = `بلغ العدد ${"012".repeat(150)} دولة و40 شخصا`;
  const out = annotateLine(line, { ref: null });
  assert.ok(out.figures.every((f) => Number.isFinite(f.value)));
  assert.deepEqual(
    out.figures.map((f) => f.value),
    [40],
  );
});
