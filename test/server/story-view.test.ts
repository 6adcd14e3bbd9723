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
      { text: "قتل 12 شخصا في السيول.", sources: ["a", "b"] },
      { text: "مصادر طبية تقول إن القتلى 17.", sources: ["c"] },
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
      /قتل <mark class="disputed">12 شخصا<\/mark> في السيول\. <a class="cite" href="#src-1" data-src="1">\[1\]<\/a><a class="cite" href="#src-2" data-src="2">\[2\]<\/a>/u,
    );
    for (const n of [1, 2, 3]) assert.match(page, new RegExp(`id="src-${n}"`, "u"));
  });

  it("groups a copy under its original and escapes what the sources say", () => {
    assert.match(
      page,
      /class="group has-copies"><ol><li id="src-1" class="source">[\s\S]*<li id="src-2" class="source copy">/u,
    );
    assert.match(page, /&lt;b&gt;صحيفة ج&lt;\/b&gt;/u);
    assert.doesNotMatch(page, /<b>صحيفة/u);
  });

  it("highlights the disagreement with each value and its source", () => {
    assert.match(page, /<div class="claim disagree"><h3 lang="ar">قتلى<\/h3>/u);
    assert.match(page, /<strong>17<\/strong> — «القتلى 17» <a class="cite" href="#src-3"/u);
  });

  it("groups quotes by speaker, with the unknown speaker named as such", () => {
    assert.match(page, /<a href="\/entities\/p1">محافظ متخيل<\/a>/u);
    assert.match(page, /متحدث غير معروف/u);
  });
});
