import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../src/core/paths.js";

// CI must run exactly the test command the README gives newcomers.
test("the README's test command is the one .ci/run runs", () => {
  const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
  const ci = readFileSync(join(projectRoot(), ".ci", "run"), "utf8");
  const ciCommand = ci.trim().split("\n").pop()!.trim();
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
  assert.ok(blocks.includes(ciCommand), `README has no block with exactly: ${ciCommand}`);
});
