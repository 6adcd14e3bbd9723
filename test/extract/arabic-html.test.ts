import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { corpusPath } from "../../src/core/paths.js";
import { shingleMatch } from "../../bench/extract-score.js";
import { extractFrom } from "./helpers.js";

const extraction = (...p: string[]) => corpusPath("extraction", ...p);

/** Body text only (no title): what the fixtures' expected texts hold. */
function bodyOf(text: string): string {
  return text.split("\n\n").slice(1).join("\n\n");
}

/** F1 of 4-gram shingles, the Zyte benchmark's per-page measure. */
function shingleF1(truth: string, pred: string): number {
  const [tp, fp, fn] = shingleMatch(truth, pred);
  return (2 * tp) / (2 * tp + fp + fn);
}

test("CNN Arabic: body matches the expected text, title cleaned, rtl, publisher from metadata", async () => {
  const html = readFileSync(extraction("cnn-arabic", "newspaper4k", "arabic_article.html"), "utf8");
  const expected = readFileSync(extraction("cnn-arabic", "newspaper4k", "arabic_article.txt"), "utf8");
  const { doc } = await extractFrom(html, "html", "cnn.html");
  const a = doc.article;
  const f1 = shingleF1(expected, bodyOf(a.text));
  assert.ok(f1 >= 0.97, `similarity ${f1.toFixed(3)}`);
  assert.ok(!a.title.includes("CNNArabic.com"), a.title);
  assert.equal(a.lang, "ar");
  assert.equal(a.dir, "rtl");
  assert.equal(a.publisher.domain, "arabic.cnn.com");
  assert.ok(a.publisher.name !== null && a.publisher.name.includes("CNN"));
  assert.ok(!a.text.includes("التعليقات"), "the comment policy is furniture, not body");
});

test("Assabah: all the must-contain snippets and none of the must-not", async () => {
  const gold = JSON.parse(readFileSync(extraction("assabah", "gold.json"), "utf8")) as Record<
    string,
    { with: string[]; without: string[] }
  >;
  const g = Object.values(gold)[0];
  assert.ok(g);
  const html = readFileSync(extraction("assabah", "assabah.com.tn.article.html"), "utf8");
  const { doc } = await extractFrom(html, "html", "assabah.html");
  for (const s of g.with) assert.ok(doc.article.text.includes(s), `missing ${s}`);
  for (const s of g.without) assert.ok(!doc.article.text.includes(s), `kept ${s}`);
  assert.equal(doc.article.dir, "rtl");
});

for (const n of [1, 2, 3, 4]) {
  test(`readability-rtl-${n}: content direction is rtl`, async () => {
    const html = readFileSync(extraction("readability-rtl", `rtl-${n}`, "source.html"), "utf8");
    const { doc } = await extractFrom(html, "html", `rtl-${n}.html`);
    assert.equal(doc.article.dir, "rtl");
    assert.equal(doc.hints?.dir, "rtl");
  });
}

test("an Arabic page without any dir attribute is rtl from its language", async () => {
  const para =
    "قال المتحدث باسم الوزارة إن الاجتماع سيعقد في العاصمة الأسبوع المقبل لبحث خطة العمل المشتركة بين البلدين.";
  const html = `<html><head><title>خبر تجريبي</title></head><body><article><h1>خبر تجريبي</h1>${`<p>${para}</p>`.repeat(8)}</article></body></html>`;
  const { doc } = await extractFrom(html, "html", "inline.html");
  assert.equal(doc.article.dir, "rtl");
  assert.equal(doc.article.lang, "ar");
});
