import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Story } from "../../src/core/types.js";
import { storyBody } from "../../src/server/views/story.js";

/** An invented story, small enough to check every part of the page by hand. */
function story(): Story {
  const art = (id: string, publisher: string, dup: string | null) => ({
    id,
    path: `${id}.txt`,
    title: `عنوان ${id}`,
    publisher,
    published: "2024-03-05",
    duplicateOf: dup,
  });
  return {
    id: "s1",
    title: "سيول في مدينة متخيلة",
    span: { from: "2024-03-04", to: "2024-03-05" },
    articles: [art("a", "صحيفة أ", null), art("b", "صحيفة ب", "a"), art("c", "<b>صحيفة ج</b>", null)],
    summary: [
      { text: "قتل 12 شخصا في السيول.", sources: ["a", "b"], paraphrases: [] },
      { text: "مصادر طبية تقول إن القتلى 17.", sources: ["c"], paraphrases: [] },
    ],
    timeline: [{ date: "2024-03-04", text: "بدأت الأمطار.", sources: ["a"] }],
    entities: [{ id: "e1", name: "مدينة متخيلة", type: "place", articles: 3 }],
    quotes: [
      { speaker: { id: "p1", name: "محافظ متخيل" }, text: "نعمل على مدار الساعة", article: "a" },
      { speaker: null, text: "قول بلا قائل", article: "c" },
    ],
    claims: [
      {
        about: "قتلى",
        agree: false,
        values: [
          { value: 12, unit: null, text: "12 شخصا", article: "a" },
          { value: 17, unit: null, text: "القتلى 17", article: "c" },
        ],
      },
    ],
  };
}

describe("the story page", () => {
  const page = storyBody("ar", story(), null).value;

  it("numbers the sources and cites them from the summary", () => {
    assert.match(
      page,
      /قتل <mark class="disputed"><bdi>12<\/bdi> شخصا<\/mark> في السيول\. <a class="cite" href="#src-1" data-src="1" aria-label="المصدر 1"><bdi>\[1\]<\/bdi><\/a><a class="cite" href="#src-2" data-src="2" aria-label="المصدر 2"><bdi>\[2\]<\/bdi><\/a>/u,
    );
    for (const n of [1, 2, 3]) assert.match(page, new RegExp(`id="src-${n}"`, "u"));
    assert.doesNotMatch(page, /class="legend"/u, "no paraphrase, no legend");
  });

  it("marks a source that only paraphrases a sentence, for the eye and for a screen reader", () => {
    const s = story();
    s.summary[0]!.paraphrases = ["c"];
    s.summary[0]!.sources.push("c");
    const marked = storyBody("ar", s, null).value;
    assert.match(
      marked,
      /<a class="cite paraphrase" href="#src-3" data-src="3" title="المصدر يذكرها بصياغة أخرى" aria-label="المصدر 3: المصدر يذكرها بصياغة أخرى"><bdi>\[3≈\]<\/bdi><\/a>/u,
    );
    assert.match(marked, /<a class="cite" href="#src-1" data-src="1" aria-label="المصدر 1"><bdi>\[1\]<\/bdi><\/a>/u);
    assert.match(marked, /<p class="legend">≈ بعد رقم المصدر/u);
  });

  it("groups a copy under its original and escapes what the sources say", () => {
    assert.match(
      page,
      /class="group has-copies"><ol><li id="src-1" class="source">[\s\S]*<li id="src-2" class="source copy">/u,
    );
    assert.match(page, /&lt;<bdi>b<\/bdi>&gt;صحيفة ج&lt;\/<bdi>b<\/bdi>&gt;/u);
    assert.doesNotMatch(page, /<b>صحيفة/u);
  });

  it("highlights the disagreement with each value and its source", () => {
    assert.match(page, /<div class="claim disagree"><h3 lang="ar" data-verbatim>قتلى<\/h3>/u);
    // The figure, the outlet that reports it, its citation, then the sentence it comes from.
    assert.match(
      page,
      /<strong class="figure"><bdi>17<\/bdi><\/strong> — بحسب <span class="publisher"[^>]*>&lt;<bdi>b<\/bdi>&gt;صحيفة ج&lt;\/<bdi>b<\/bdi>&gt;<\/span> <a class="cite" href="#src-3"[^>]*><bdi>\[3\]<\/bdi><\/a>\s*<blockquote[^>]*>القتلى <bdi>17<\/bdi><\/blockquote>/u,
    );
  });

  it("groups quotes by speaker, with the unknown speaker named as such", () => {
    assert.match(page, /<a href="\/entities\/p1">محافظ متخيل<\/a> <span class="meta">تصريح واحد<\/span>/u);
    assert.match(page, /متحدث غير معروف/u);
  });
});

describe("the story page's figures, quotes and timeline", () => {
  it("names each figure's unit in Arabic with the plural the number takes, isolated, and the outlet behind it", () => {
    const s = story();
    s.articles.push({
      id: "d",
      path: "d.txt",
      title: "عنوان",
      publisher: "aawsat",
      published: null,
      duplicateOf: null,
    });
    s.claims = [
      {
        about: "الدول المشاركة",
        agree: false,
        values: [
          { value: 24, unit: "countries", qualifier: "more than", text: "أكثر من 24 دولة", article: "a" },
          { value: 49, unit: "countries", text: "49 بلدا", article: "d" },
          { value: 2, unit: "countries", text: "دولتان", article: "c" },
        ],
      },
    ];
    const html = storyBody("ar", s, null).value;
    assert.match(
      html,
      /<strong class="figure">أكثر من <bdi>24<\/bdi> دولة<\/strong> — بحسب <span[^>]*>صحيفة أ<\/span>/u,
    );
    assert.match(html, /<strong class="figure"><bdi>49<\/bdi> دولة<\/strong> — بحسب <span[^>]*>الشرق الأوسط<\/span>/u);
    assert.match(html, /<strong class="figure"><bdi>2<\/bdi> دولتان<\/strong>/u);
    assert.doesNotMatch(html, /countries|more than|aawsat/u, "no English unit, qualifier or slug");
  });

  it("shows three quotes per speaker and folds the rest behind 'show all', none dropped", () => {
    const s = story();
    s.quotes = Array.from({ length: 14 }, (_, i) => ({
      speaker: { id: "p1", name: "محافظ متخيل" },
      text: `تصريح رقم ${i + 1} عن السيول`,
      article: "a",
    }));
    const html = storyBody("ar", s, null).value;
    for (let i = 1; i <= 14; i++) assert.match(html, new RegExp(`تصريح رقم <bdi>${i}</bdi> عن`, "u"));
    const [shown, folded] = html.split('<details class="more-quotes">');
    assert.equal([...shown!.matchAll(/<q>/gu)].length, 3);
    assert.equal([...folded!.matchAll(/<q>/gu)].length, 11);
    assert.match(folded!, /<summary>عرض الكل: عرض <bdi>11<\/bdi> تصريحًا آخر<\/summary>/u);
  });

  it("a story without any date has no timeline heading", () => {
    const s = story();
    s.timeline = [];
    s.articles = s.articles.map((a) => ({ ...a, published: null }));
    const html = storyBody("ar", s, null).value;
    assert.doesNotMatch(html, /التسلسل الزمني/u);
    assert.doesNotMatch(html, /<svg/u);
  });
});
