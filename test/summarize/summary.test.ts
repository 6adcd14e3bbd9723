import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { countWords, summarizeStory } from "../../src/summarize/index.js";
import { storyMarkdown } from "../../src/summarize/markdown.js";
import { article } from "./make.js";

// Invented Arabic news about an invented event: two outlets tell the same opening sentence, a third rewords it.
const A = article(
  "a",
  "افتتاح جسر جديد في مدينة النخيل",
  [
    "افتتح محافظ مدينة النخيل صباح اليوم الجسر الجديد الذي يربط ضفتي النهر بعد ثلاث سنوات من العمل المتواصل.",
    "وقال المحافظ إن الجسر سيخفف الازدحام المروري في وسط المدينة ويختصر زمن الرحلة إلى النصف.",
    "وبلغت كلفة المشروع نحو مئتي مليون دينار مولتها الحكومة المركزية بالكامل.",
  ],
  "2021-03-04",
);
const B = article(
  "b",
  "المحافظ يفتتح جسر النخيل",
  [
    "افتتح محافظ مدينة النخيل صباح اليوم الجسر الجديد الذي يربط ضفتي النهر بعد ثلاث سنوات من العمل المتواصل.",
    "وحضر حفل الافتتاح عدد كبير من سكان الأحياء المجاورة الذين عبروا عن فرحتهم بالمشروع.",
  ],
  "2021-03-04",
);
const C = article(
  "c",
  "جسر النخيل يفتح أبوابه",
  [
    "بعد ثلاث سنوات من العمل المتواصل افتتح محافظ مدينة النخيل اليوم الجسر الجديد الذي يربط ضفتي النهر.",
    "ويتوقع مهندسو البلدية أن يعبر الجسر أكثر من خمسين ألف سيارة يوميا خلال العام الأول.",
  ],
  "2021-03-05",
);
const D = article(
  "d",
  "موسم الأمطار يبدأ مبكرا",
  ["أعلنت هيئة الأرصاد الجوية أن موسم الأمطار بدأ هذا العام مبكرا بأسبوعين عن موعده المعتاد في الشمال."],
  "2021-03-05",
);

test("a sentence told by three outlets, one of them in other words, cites all three and no other", () => {
  const story = summarizeStory([A, B, C, D], { words: 250 });
  const opening = story.summary.find((c) => c.text.startsWith("افتتح محافظ") || c.text.startsWith("بعد ثلاث"));
  assert.ok(opening, "the shared opening is in the summary");
  assert.deepEqual([...opening.sources].sort(), ["a", "b", "c"]);
  // Quoted from a (or b, its word-for-word copy); c says it in other words, and is marked so, in JSON and Markdown.
  const reworded = opening.text.startsWith("بعد ثلاث") ? ["a", "b"] : ["c"];
  assert.deepEqual([...opening.paraphrases].sort(), reworded);
  const line = storyMarkdown(story)
    .split("\n")
    .find((l) => l.startsWith(opening.text.slice(0, 20)));
  const n = (id: string) => story.articles.findIndex((x) => x.id === id) + 1;
  for (const id of opening.sources) assert.ok(line?.includes(`[${n(id)}${reworded.includes(id) ? "≈" : ""}]`), line);
  const rain = story.summary.find((c) => c.text.includes("الأرصاد"));
  if (rain) assert.deepEqual(rain.sources, ["d"]);
});

test("the same thing is not said twice in the summary", () => {
  const story = summarizeStory([A, B, C, D], { words: 250 });
  const openings = story.summary.filter((c) => c.text.includes("يربط ضفتي النهر"));
  assert.equal(openings.length, 1);
});

test("the summary keeps to the word budget", () => {
  for (const words of [1, 20, 40, 250]) {
    const story = summarizeStory([A, B, C, D], { words });
    const total = story.summary.reduce((n, c) => n + countWords(c.text), 0);
    assert.ok(total <= words, `${total} words for a budget of ${words}`);
  }
  assert.equal(summarizeStory([A, B, C, D], { words: 1 }).summary.length, 0);
});

test("the story's shape: articles oldest first, span, id independent of input order, copies linked", () => {
  const copy = { ...B, id: "b2", source: { path: "b2.txt" } };
  const s1 = summarizeStory([D, C, B, A, copy]);
  const s2 = summarizeStory([A, copy, B, C, D]);
  assert.equal(s1.id, s2.id);
  assert.deepEqual(s1.span, { from: "2021-03-04", to: "2021-03-05" });
  assert.deepEqual(
    s1.articles.map((a) => a.published),
    ["2021-03-04", "2021-03-04", "2021-03-04", "2021-03-05", "2021-03-05"],
  );
  const links = Object.fromEntries(s1.articles.map((a) => [a.id, a.duplicateOf]));
  assert.equal(links["b2"], "b");
  assert.equal(links["a"], null);
  assert.equal(links["c"], null, "a reworded article is not a copy");
  assert.ok(s1.title.length > 0);
});

const WORDS = [
  "المدينة",
  "الحكومة",
  "مشروع",
  "النهر",
  "الوزير",
  "السكان",
  "الجسر",
  "المياه",
  "الكهرباء",
  "السوق",
  "المدرسة",
  "الطريق",
];
const sentenceArb = fc
  .array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 25 })
  .map((ws) => ws.join(" ") + ".");
const articleArb = fc.array(
  fc.array(sentenceArb, { minLength: 1, maxLength: 3 }).map((s) => s.join(" ")),
  { minLength: 1, maxLength: 5 },
);

test("property: every summary sentence is in its first source, sources are story articles, budget kept", () => {
  fc.assert(
    fc.property(
      fc.array(articleArb, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 120 }),
      (bodies, words) => {
        const arts = bodies.map((paras, i) => article(`x${i}`, `عنوان ${i}`, paras, `2020-01-0${(i % 9) + 1}`));
        const story = summarizeStory(arts, { words });
        const byId = new Map(arts.map((a) => [a.id, a]));
        let total = 0;
        for (const c of story.summary) {
          total += countWords(c.text);
          assert.ok(c.sources.length >= 1);
          assert.equal(new Set(c.sources).size, c.sources.length);
          for (const id of c.sources) assert.ok(byId.has(id));
          assert.ok(byId.get(c.sources[0]!)!.text.includes(c.text));
        }
        assert.ok(total <= words);
      },
    ),
    { numRuns: 60 },
  );
});
