import assert from "node:assert/strict";
import { test } from "node:test";
import { buildCorpus, countWords, summarizeStory } from "../../src/summarize/index.js";
import { headClause, LONG_SENTENCE } from "../../src/summarize/trim.js";
import { article } from "./make.js";

// Invented: a run-on lead (news, then attribution and elaboration after commas) and a short report of the same news.
const HEAD =
  "أعلنت شركة الموانئ الوطنية صباح اليوم افتتاح رصيف جديد لاستقبال سفن الحاويات الكبيرة في ميناء المدينة الشمالي بعد عامين من أعمال الحفر والتوسعة";
// The last boundary that leaves at most LONG_SENTENCE words is after the attribution: the cut keeps it.
const CUT = `${HEAD}، وفقا لبيان رسمي وزعته الشركة على وسائل الإعلام المحلية والدولية`;
const RUN_ON =
  `${CUT}، ` +
  "وقال مدير الشركة إن الرصيف سيضاعف قدرة الميناء على المناولة ويجذب خطوط ملاحة جديدة من آسيا وأوروبا خلال السنوات القليلة المقبلة.";
const long = article(
  "a",
  "رصيف جديد في الميناء",
  [RUN_ON, "وحضر الافتتاح عدد من الوزراء والسفراء وممثلي شركات الشحن العالمية."],
  "2023-05-01",
);
const other = article(
  "b",
  "افتتاح رصيف الحاويات",
  [`${CUT}.`, "ويتوقع خبراء النقل البحري أن تنخفض كلفة الشحن على التجار المحليين."],
  "2023-05-01",
);

test("a run-on sentence is cut at its last clause boundary within the limit; a short one stays whole", () => {
  const corpus = buildCorpus([long]);
  const lead = corpus.byArticle[0]!.find((u) => u.position === 0)!;
  assert.ok(lead.words > LONG_SENTENCE);
  const cut = headClause(corpus, lead, 999, 6);
  assert.equal(cut.text, CUT);
  assert.equal(cut.id, 999);
  assert.equal(long.text.slice(cut.start, cut.end), cut.text);
  assert.ok(cut.words <= LONG_SENTENCE && cut.terms.length > 0);
  const short = corpus.byArticle[0]!.find((u) => u.position === 1)!;
  assert.equal(headClause(corpus, short, 1000, 6), short);
  const noBoundary = { ...lead, text: lead.text.replace(/[،,]/gu, "") };
  assert.equal(headClause(corpus, noBoundary, 1001, 6), noBoundary);
});

test("the head clause in a summary is verbatim in its article and cites the article that states it too", () => {
  const story = summarizeStory([long, other], { words: 60 });
  const c = story.summary.find((x) => x.text === CUT);
  assert.ok(c, JSON.stringify(story.summary));
  assert.ok(long.text.includes(c.text) || other.text.includes(c.text));
  assert.deepEqual([...c.sources].sort(), ["a", "b"]);
  assert.ok(story.summary.reduce((n, x) => n + countWords(x.text), 0) <= 60);
});
