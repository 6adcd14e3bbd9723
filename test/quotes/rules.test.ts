import assert from "node:assert/strict";
import { test } from "node:test";
import { annotateEntities, EntityRegistry } from "../../src/annotate/entities/index.js";
import { annotateQuotes, findQuoteSpans } from "../../src/annotate/quotes/index.js";
import { emptyArticle } from "../../src/core/stage.js";

// Invented paragraphs, one rule each.
function quotes(text: string) {
  const a = emptyArticle({ path: "t.txt" });
  a.text = text;
  a.entities = annotateEntities(a, new EntityRegistry());
  return annotateQuotes(a).map((q) => [q.speaker?.name ?? null, q.text]);
}

test("a short quoted name or scare quote is not a quotation", () => {
  assert.deepEqual(findQuoteSpans('حارب تنظيم "داعش" بكل "حزم" ممكن.'), []);
});

test("colon speech without marks runs to the end of the sentence", () => {
  const [q] = quotes("قال الوزير سامي الخطيب: الطريق ما زال طويلا أمامنا. ثم غادر القاعة.");
  assert.deepEqual(q, ["سامي الخطيب", "الطريق ما زال طويلا أمامنا"]);
});

test("a continuation verb carries the last speaker; a feminine verb the last woman", () => {
  const qs = quotes(
    'قال الوزير سامي الخطيب إن "المحادثات كانت صعبة جدا". وحذرت ليلى العلي من أن "الوقت ينفد بسرعة". ' +
      'وأضاف الوزير خلال المؤتمر "سنعود إلى الطاولة غدا". وقالت: "لن ننتظر أكثر من أسبوع".',
  );
  assert.deepEqual(
    qs.map((q) => q[0]),
    ["سامي الخطيب", "ليلى العلي", "سامي الخطيب", "ليلى العلي"],
  );
});

test("a name inside the quotation is not its speaker", () => {
  const [q] = quotes('قال المتحدث باسم الحكومة سامي الخطيب إن "ليلى العلي ستزور المدينة قريبا".');
  assert.equal(q?.[0], "سامي الخطيب");
});
