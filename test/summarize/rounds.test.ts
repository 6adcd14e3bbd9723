import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { buildCorpus, selectRounds } from "../../src/summarize/index.js";
import { article } from "./make.js";

// Invented reports of an invented flood, three days, each article with a lead and a follow-up sentence.
const day1a = article(
  "a",
  "فيضان في الوادي",
  [
    "غمرت مياه الفيضان صباح الاثنين عشرات المنازل في قرى الوادي الأخضر بعد أمطار غزيرة استمرت يومين.",
    "وقال رئيس البلدية إن فرق الدفاع المدني أجلت مئات العائلات إلى المدارس القريبة.",
  ],
  "2022-01-10",
);
const day1b = article(
  "b",
  "إجلاء سكان الوادي",
  [
    "أعلنت وزارة الداخلية أن طائرات مروحية نقلت المرضى وكبار السن من المستشفى المحلي إلى العاصمة مساء الاثنين.",
    "وأضافت الوزارة أن الطرق الرئيسية المؤدية إلى المنطقة ما زالت مغلقة أمام حركة السير.",
  ],
  "2022-01-10",
);
const day2 = article(
  "c",
  "انحسار المياه",
  [
    "بدأت مياه الفيضان بالانحسار يوم الثلاثاء وعاد بعض السكان لتفقد بيوتهم المتضررة وسط الطين والركام.",
    "وقدرت لجنة حكومية الخسائر الأولية بملايين الدنانير في المحاصيل والمواشي.",
  ],
  "2022-01-11",
);
const words = (s: string) => s.split(/\s+/u).length;

test("every article's lead comes before any article's second sentence", () => {
  const corpus = buildCorpus([day1a, day1b, day2]);
  const leads = corpus.byArticle.map((us) => us.find((u) => u.position === 0)!);
  const budget = leads.reduce((n, u) => n + u.words, 0) + 14;
  const chosen = selectRounds(corpus, { words: budget, dates: ["2022-01-10", "2022-01-10", "2022-01-11"] });
  for (const l of leads) assert.ok(chosen.includes(l), l.text);
  assert.ok(chosen.length > 3, "the rest of the budget goes to second sentences");
  assert.equal(
    chosen.slice(0, 3).every((u) => u.position === 0),
    true,
  );
});

test("when the leads do not all fit, a day's second report drops out, not the later day", () => {
  const corpus = buildCorpus([day1a, day1b, day2]);
  const [a, , c] = corpus.byArticle.map((us) => us.find((u) => u.position === 0)!);
  const chosen = selectRounds(corpus, {
    words: a!.words + c!.words,
    dates: ["2022-01-10", "2022-01-10", "2022-01-11"],
  });
  assert.deepEqual(chosen, [a, c]);
  // Without dates every article is its own day: story order decides.
  const undated = selectRounds(corpus, { words: a!.words + c!.words });
  assert.equal(undated[0], a);
});

test("a lead that repeats a chosen sentence is passed over for its article's next sentence", () => {
  const copy = article(
    "d",
    "فيضان الوادي",
    [day1a.text.split("\n")[1]!, "وتطوع شبان من القرى المجاورة لتوزيع الخبز والماء على العائلات في المدارس."],
    "2022-01-10",
  );
  const corpus = buildCorpus([day1a, copy]);
  const chosen = selectRounds(corpus, { words: 250 });
  const fromCopy = chosen.filter((u) => u.article === 1);
  assert.ok(
    fromCopy.length > 0 && fromCopy.every((u) => u.position === 1),
    JSON.stringify(fromCopy.map((u) => u.position)),
  );
});

test("property: the budget is kept, no unit twice, no heading", () => {
  const WORDS = ["المدينة", "الحكومة", "مشروع", "النهر", "الوزير", "السكان", "الجسر", "المياه", "الكهرباء", "السوق"];
  const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 30 }).map((ws) => ws.join(" ") + ".");
  const body = fc.array(sentence, { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(fc.array(body, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 150 }), (bodies, budget) => {
      const arts = bodies.map((b, i) => article(`x${i}`, `عنوان ${i}`, b, i % 2 ? null : `2020-01-0${(i % 3) + 1}`));
      const chosen = selectRounds(buildCorpus(arts), { words: budget, dates: arts.map((a) => a.published.date) });
      assert.ok(chosen.reduce((n, u) => n + words(u.text), 0) <= budget);
      assert.equal(new Set(chosen).size, chosen.length);
      assert.ok(chosen.every((u) => !u.heading));
    }),
    { numRuns: 80 },
  );
});
