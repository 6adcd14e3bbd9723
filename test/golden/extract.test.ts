import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/core/paths.js";
import { snapshot, type ExtractSnapshot } from "./extract-snapshot.js";

/**
 * Golden extraction cases, one folder per real page under test/golden/extract/: `source.txt` holds the page's path
 * under ../shared/corpus, `expected.json` the snapshot. Discovered automatically; add or refresh a case with
 * `npx tsx scripts/golden-extract.ts [--add NAME CORPUS_PATH] [--update]`.
 */
const dir = join(projectRoot(), "test", "golden", "extract");
const cases = readdirSync(dir, { withFileTypes: true }).filter(
  (d) => d.isDirectory() && existsSync(join(dir, d.name, "source.txt")),
);

test("golden extraction cases are present", () => {
  assert.ok(cases.length >= 10, `${cases.length} cases`);
});

for (const c of cases) {
  test(`golden extract: ${c.name}`, async () => {
    const rel = readFileSync(join(dir, c.name, "source.txt"), "utf8").trim();
    const expected = JSON.parse(readFileSync(join(dir, c.name, "expected.json"), "utf8")) as ExtractSnapshot;
    const got = await snapshot(rel);
    assert.deepEqual(
      got.blocks.map((b, i) => `${i} ${b.line ?? ""} ${b.role} ${b.lang} ${b.sha1}`),
      expected.blocks.map((b, i) => `${i} ${b.line ?? ""} ${b.role} ${b.lang} ${b.sha1}`),
    );
    assert.deepEqual(got, expected);
  });
}
