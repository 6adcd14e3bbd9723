import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { corpusPath } from "../../src/core/paths.js";
import { luceneNormalize, luceneStem, stem } from "../../src/analysis/ar/index.js";

function cases(file: string): string[][] {
  return readFileSync(corpusPath("conformance", "lucene", file), "utf8")
    .split("\n")
    .filter((l) => l.length > 0 && !l.startsWith("#"))
    .slice(1)
    .map((l) => l.split("\t"));
}

const norm = cases("arabic_normalization_filter.tsv");
const stems = cases("arabic_stem_filter.tsv");

test("the Lucene conformance files are all there (38 cases)", () => {
  assert.equal(norm.length + stems.length, 38);
});

for (const [name, input = "", expected = ""] of norm) {
  test(`lucene normalisation ${name}`, () => assert.equal(luceneNormalize(input), expected));
}

for (const [name, input = "", expected = ""] of stems) {
  // Lucene's keyword attribute protects a token from stemming; rasd has no keyword marking, so that case is the
  // identity by definition.
  const keyword = name!.startsWith("testWithKeywordAttribute");
  test(`lucene stemming ${name}`, () => {
    const got = keyword ? input : luceneStem(luceneNormalize(input));
    assert.equal(got, expected);
    if (!keyword && /^[\u0600-\u06FF]*$/u.test(input)) assert.equal(stem(input, "lucene"), expected);
  });
}
