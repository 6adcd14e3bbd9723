import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { corpusPath } from "../../src/core/paths.js";
import { sentences } from "../../src/analysis/ar/index.js";

const texts = (s: string): string[] => sentences(s).map((x) => x.text);

test("Arabic and Latin terminators end a sentence; the Arabic comma does not", () => {
  assert.deepEqual(texts("ذهب الولد، ثم عاد. هل عاد؟ نعم! انتهى؛ وبعد… ثم"), [
    "ذهب الولد، ثم عاد.",
    "هل عاد؟",
    "نعم!",
    "انتهى؛",
    "وبعد…",
    "ثم",
  ]);
  assert.deepEqual(texts("He left. She stayed!"), ["He left.", "She stayed!"]);
});

test("decimals and single-letter abbreviations do not end a sentence", () => {
  assert.deepEqual(texts("نما الاقتصاد 3.5 في المئة. قال د. أحمد إنه جيد."), [
    "نما الاقتصاد 3.5 في المئة.",
    "قال د. أحمد إنه جيد.",
  ]);
  assert.deepEqual(texts("Mr. Smith met U.S. officials. Then left."), ["Mr. Smith met U.S. officials.", "Then left."]);
});

test("a quotation spans its own punctuation and closes the sentence after it", () => {
  assert.deepEqual(texts("قال الوزير: «لن نتراجع. سنمضي قدما». ثم غادر."), [
    "قال الوزير: «لن نتراجع. سنمضي قدما».",
    "ثم غادر.",
  ]);
  assert.deepEqual(texts('وقال "هذا يكفي! انتهى" وخرج. ثم'), ['وقال "هذا يكفي! انتهى" وخرج.', "ثم"]);
});

test("an unclosed quotation does not swallow the paragraph", () => {
  assert.deepEqual(texts("قال «لن نتراجع. ثم غادر. وانتهى"), ["قال «لن نتراجع.", "ثم غادر.", "وانتهى"]);
});

test("line and paragraph breaks end sentences; URLs do not", () => {
  assert.deepEqual(texts("عنوان بلا نقطة\n\nفقرة أولى. زوروا example.com/a?b=1 الآن"), [
    "عنوان بلا نقطة",
    "فقرة أولى.",
    "زوروا example.com/a?b=1 الآن",
  ]);
});

test("closing quotes and brackets stay with the sentence they close", () => {
  assert.deepEqual(texts("(انتهى الأمر.) بدأ غيره."), ["(انتهى الأمر.)", "بدأ غيره."]);
});

test("golden: seed 002, a page that is one long line, splits into its sentences", () => {
  const file = readdirSync(corpusPath("seeds")).find((f) => f.startsWith("002"));
  assert.ok(file);
  const text = readFileSync(corpusPath("seeds", file), "utf8");
  const longest = text.split("\n").reduce((a, b) => (b.length > a.length ? b : a), "");
  assert.ok(longest.length > 1500, "the seed's body is one long line");
  const start = text.indexOf(longest);
  const inside = sentences(text).filter((s) => s.start >= start && s.end <= start + longest.length);
  assert.ok(inside.length >= 10, `only ${inside.length} sentences in the long line`);
  for (const s of inside) {
    assert.ok(s.text.length < 600, `a sentence of ${s.text.length} characters: ${s.text.slice(0, 60)}…`);
    assert.equal(text.slice(s.start, s.end), s.text);
  }
  // No split between two digits (figures like 3.5 stay whole).
  for (const s of inside) assert.doesNotMatch(text.slice(s.end - 1, s.end + 2), /^\d\.\d/u);
});

test("golden: every seed's sentences slice back and cover every letter", () => {
  for (const f of readdirSync(corpusPath("seeds")).filter((x) => x.endsWith(".txt"))) {
    const text = readFileSync(corpusPath("seeds", f), "utf8");
    const ss = sentences(text);
    let letters = 0;
    for (const s of ss) {
      assert.equal(text.slice(s.start, s.end), s.text);
      letters += (s.text.match(/\p{L}/gu) ?? []).length;
    }
    assert.equal(letters, (text.match(/\p{L}/gu) ?? []).length, f);
  }
});

test("property: never throws; spans slice back, are ordered, trimmed and non-empty", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
      let last = 0;
      for (const x of sentences(s)) {
        if (s.slice(x.start, x.end) !== x.text || x.start < last || x.text.trim() !== x.text || x.text.length === 0)
          return false;
        last = x.end;
      }
      return true;
    }),
    { numRuns: 3000 },
  );
});

test("malformed input: a 10 MB line without punctuation, quotes never closed", () => {
  const big = "«كلمة ".repeat(1_500_000);
  const t0 = Date.now();
  const ss = sentences(big);
  assert.equal(ss.length, 1);
  assert.ok(Date.now() - t0 < 10_000);
});
