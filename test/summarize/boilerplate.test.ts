import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { bylineLength, restatesTitle } from "../../src/summarize/boilerplate.js";
import { insideQuotation, quotationSpans, quotesBalanced } from "../../src/summarize/quotation.js";
import { buildCorpus, summarizeStory } from "../../src/summarize/index.js";
import { clauses } from "../../src/summarize/units.js";
import { headClause } from "../../src/summarize/trim.js";
import { article } from "./make.js";

// The class of leading bylines and datelines: name - outlet - place, outlet - place, agency - place (with a
// parenthesis), a slash label before and a photo credit after. Shapes as SaudiNewsNet's sabq and aawsat print them.
const BYLINES = [
  ["عيسى الحربي- سبق- الرياض: ", "أعلنت الجمعية تأجيل الحفل."],
  ["سعود الدعجاني - سبق - عسير: ", "كشف أحد الأقارب تفاصيل الحادث."],
  ["واشنطن - «الشرق الأوسط»: ", "بدأ سائحون يلتقطون صورًا."],
  ["رويترز- لونبورج (ألمانيا): ", "قال خبراء إن هاويا عثر على كنز."],
  ["د ب أ - لندن: ", "يقص تشيلسي وأرسنال شريط الموسم."],
  ["محمد السيد- سبق: ", "قال المدرب إن الفريق جاهز."],
  ["خالد علي– سبق– جدة: ", "ردّ الوزير على الانتقادات."],
  ["أجرى الحوار/ شقران الرشيدي- سبق- الرياض (تصوير/ عبدالله النحيط): ", "يؤكد المدير أن المعهد يتوسع."],
  ["عبدالله الراجحي- سبق- جدة: تصوير مشعل الزهراني: ", "رصدت الصحيفة الاستنفار الأمني."],
] as const;

test("a leading byline or dateline is measured exactly, whatever the names in it", () => {
  for (const [byline, news] of BYLINES) assert.equal(bylineLength(byline + news), byline.length, byline);
});

test("sentences that only look like bylines are left alone", () => {
  for (const text of [
    "قال الوزير - في تصريح له: إن العمل مستمر.", // a reporting verb and prepositions: a sentence
    "1964 - حرب فيتنام: الرئيس يأمر بإرسال قوات.", // a dated entry
    "4 - دور النظام السوري: حيث تورط في إنشاء الجماعة.", // a numbered point
    "اتفاق «أمريكي- تركي»: أنجرليك مقابل منطقة آمنة.", // the dash is inside a name in quotes
    "أعلنت الوزارة اليوم: بدء التسجيل.", // a colon without a dashed credit
    "الرياض: بدأت المديرية العمل.", // one segment only: not told apart from a sentence's subject
  ]) {
    assert.equal(bylineLength(text), 0, text);
  }
});

test("a labelled restatement of the title is recognised; other labelled lines are not", () => {
  const title = "الصحة تعلن عن توفر 169 وظيفة شاغرة في محافظة جدة";
  assert.ok(restatesTitle(`رابط الخبر بصحيفة الوئام: ${title}`, title));
  assert.ok(restatesTitle(`المصدر: ${title}`, title));
  assert.ok(!restatesTitle(`وقال المتحدث: إن الوزارة تعلن عن وظائف جديدة`, title));
  assert.ok(!restatesTitle(`رابط الخبر بصحيفة الوئام: ${title}`, ""));
});

test("a byline is left out of the lead and a title restatement is never summarised; citations stay verbatim", () => {
  const title = "تأجيل الزواج الجماعي في أضم";
  const a = article("a", title, [
    "عوض الفهمي- سبق- أضم: أعلنت جمعية البر الخيرية بمركز ربوع العين تأجيل الزواج الجماعي الذي كان مقررا اليوم.",
    "وأوضحت الجمعية أن موعدا جديدا للحفل سيعلن خلال الأيام المقبلة بعد التنسيق مع الجهات المختصة.",
    `رابط الخبر بصحيفة الوئام: ${title}`,
  ]);
  const story = summarizeStory([a], { words: 200 });
  assert.ok(story.summary.length >= 2);
  assert.ok(story.summary[0]!.text.startsWith("أعلنت جمعية البر"), story.summary[0]!.text);
  for (const s of story.summary) {
    assert.ok(a.text.includes(s.text));
    assert.ok(!s.text.includes("رابط الخبر"), s.text);
  }
  const units = buildCorpus([a]).units;
  assert.ok(units.some((u) => u.heading && u.text.startsWith("رابط الخبر")));
});

test("a quotation too long for the splitter to follow is one unit, not two halves", () => {
  const quote = `«${"هذه جملة طويلة من كلام المتحدث عن خطة العمل. ".repeat(12)}وهذا آخر ما قاله»`;
  const text = `عنوان\nوقال الوزير: ${quote} ثم غادر القاعة.\nفقرة أخرى.`;
  const spans = quotationSpans(text);
  for (const c of clauses(text)) {
    assert.equal(text.slice(c.start, c.end), c.text);
    assert.ok(!insideQuotation(spans, c.start) && !insideQuotation(spans, c.end), c.text);
    assert.ok(quotesBalanced(c.text), c.text);
  }
});

// Paragraphs of words, terminators, commas and quotations (some with terminators inside, some left unclosed).
const word = fc.constantFrom("قال", "الوزير", "إن", "الخطة", "جاهزة", "اليوم", "المدينة", "Reuters", "2016", "مصدر");
const piece = fc.oneof(
  word,
  fc.constantFrom(".", "،", "؟", "!", ":", ";"),
  fc
    .array(fc.oneof(word, fc.constantFrom(".", "؟", "،")), { minLength: 1, maxLength: 120, size: "max" })
    .chain((ws) => fc.constantFrom(`«${ws.join(" ")}»`, `"${ws.join(" ")}"`, `“${ws.join(" ")}”`, `«${ws.join(" ")}`)),
);
const paragraph = fc.array(piece, { minLength: 1, maxLength: 60 }).map((ps) => ps.join(" "));
const text = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((ps) => ps.join("\n"));

test("property: no unit starts or ends inside a paired quotation, and every unit is a verbatim span", () => {
  fc.assert(
    fc.property(text, (t) => {
      const spans = quotationSpans(t);
      for (const c of clauses(t)) {
        if (t.slice(c.start, c.end) !== c.text) return false;
        if (insideQuotation(spans, c.start) || insideQuotation(spans, c.end)) return false;
      }
      return true;
    }),
    { numRuns: 300 },
  );
});

test("property: a head clause never leaves a quotation open, and every summary sentence has paired quotes", () => {
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 2, maxLength: 4 }), (paras) => {
      const a = article("p", "عنوان متخيل للخبر", paras);
      const corpus = buildCorpus([a]);
      for (const u of corpus.units) {
        if (!quotesBalanced(u.text)) continue;
        const cut = headClause(corpus, u, corpus.units.length, 6, 10);
        if (!quotesBalanced(cut.text) || a.text.slice(cut.start, cut.end) !== cut.text) return false;
      }
      const story = summarizeStory([a], { words: 120 });
      return story.summary.every((s) => quotesBalanced(s.text) && a.text.includes(s.text));
    }),
    { numRuns: 150 },
  );
});
