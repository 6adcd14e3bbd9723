import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { corpusPath } from "../../src/core/paths.js";
import { DocContext } from "../../src/core/context.js";
import { extractHtml } from "../../src/extract/index.js";
import { metrics, shingleMatch } from "../../bench/extract-score.js";
import { zytePart } from "../../bench/extract-split.js";

test("Zyte benchmark (90 pages): body F1 at least 0.96 on all, 0.965 on the checking part of the site split", () => {
  const dir = corpusPath("extraction", "zyte");
  const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, "utf8")) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const files = readdirSync(`${dir}/html`).filter((f) => f.endsWith(".html.gz"));
  assert.equal(files.length, 90);
  const parts = files.map((f) => zytePart(truth[f.replace(/\.html\.gz$/u, "")]?.url ?? ""));
  const rows = files.map((f) => {
    const html = gunzipSync(readFileSync(`${dir}/html/${f}`)).toString("utf8");
    const r = extractHtml(html, new DocContext(f));
    const body = r.blocks
      .filter((b) => b.role === "body" || b.role === "subheading")
      .map((b) => b.text)
      .join("\n\n");
    return shingleMatch(truth[f.replace(/\.html\.gz$/u, "")]?.articleBody ?? "", body);
  });
  const m = metrics(rows);
  assert.ok(m.f1 >= 0.96, `F1 ${m.f1.toFixed(3)} (P ${m.precision.toFixed(3)}, R ${m.recall.toFixed(3)})`);
  const checking = metrics(rows.filter((_, i) => parts[i] === "checking"));
  assert.equal(parts.filter((p) => p === "checking").length, 41, "the split is fixed: 41 checking pages");
  assert.ok(checking.f1 >= 0.965, `checking part F1 ${checking.f1.toFixed(3)}`);
});

test("the scorer: identical texts score 1, disjoint texts 0, as evaluate.py defines them", () => {
  const same = shingleMatch("one two three four five", "one two three four five");
  assert.deepEqual(metrics([same]), { precision: 1, recall: 1, f1: 1 });
  const none = shingleMatch("one two three four five", "six seven eight nine ten");
  assert.equal(metrics([none]).f1, 0);
});
