import assert from "node:assert/strict";
import { basename } from "node:path";
import { before, test } from "node:test";
import { normalize, tokenize } from "../../src/analysis/ar/index.js";
import type { Article, Story } from "../../src/core/types.js";
import { countWords, summarizeStory } from "../../src/summarize/index.js";
import { pagesToArticles, seedPaths } from "./pipeline.js";

// The five seed pages as one story (the contract's `rasd summarize` over all five), checked against gold.json's
// claims and dates: the spec in miniature.
let articles: Article[] = [];
let story: Story;
const byFile = (prefix: string) => story.articles.find((a) => basename(a.path).startsWith(prefix))!;

before(async () => {
  articles = await pagesToArticles(seedPaths());
  story = summarizeStory(articles);
});

test("seeds: the Brussels attendance is a disagreement (more than 24 / 49 / 40 countries)", () => {
  const claim = story.claims.find((c) => [49, 40, 24].every((v) => c.values.some((x) => x.value === v)));
  assert.ok(claim, JSON.stringify(story.claims));
  assert.equal(claim.agree, false);
  assert.ok(claim.values.every((v) => v.unit === "countries"));
  assert.equal(claim.values.find((v) => v.value === 24)?.article, byFile("001").id);
  assert.equal(claim.values.find((v) => v.value === 49)?.article, byFile("002").id);
  assert.equal(claim.values.find((v) => v.value === 40)?.article, byFile("003").id);
});

test("seeds: the Islamic State's 40% of Iraq is an agreement of 000 and 002, without Syria's 10%", () => {
  const claim = story.claims.find((c) => c.values.some((v) => v.value === 40 && v.unit === "percent"));
  assert.ok(claim, JSON.stringify(story.claims));
  assert.equal(claim.agree, true);
  assert.deepEqual(new Set(claim.values.map((v) => v.value)), new Set([40]));
  assert.deepEqual(new Set(claim.values.map((v) => v.article)), new Set([byFile("000").id, byFile("002").id]));
});

test("seeds: undated articles get their day from the story, and the timeline holds the Brussels meeting", () => {
  assert.equal(byFile("001").published, "2016-02-10");
  assert.equal(byFile("003").published, "2016-02-11");
  assert.equal(byFile("000").published, "2015-12-15");
  const brussels = story.timeline.filter((t) => t.date === "2016-02-11");
  assert.ok(brussels.length > 0);
  const sources = new Set(brussels.flatMap((t) => t.sources));
  assert.ok(sources.has(byFile("001").id) && sources.has(byFile("003").id), JSON.stringify(brussels));
  const dates = story.timeline.map((t) => t.date);
  assert.deepEqual(dates, [...dates].sort());
});

/** Content words of a text in the search normal form: an independent yardstick for "says the same thing". */
function words(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .map((t) => normalize(t.text, "search"))
      .filter((w) => w.length > 2),
  );
}

test("seeds: every summary sentence is stated (or closely paraphrased) in each article it cites", () => {
  assert.ok(story.summary.length >= 3);
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const c of story.summary) {
    assert.ok(byId.get(c.sources[0]!)!.text.includes(c.text), "verbatim in its first source");
    const mine = words(c.text);
    for (const id of c.sources) {
      const best = Math.max(
        ...byId
          .get(id)!
          .text.split(/(?<=[.!؟?])\s+|\n/u)
          .map((s) => {
            const theirs = words(s);
            return [...mine].filter((w) => theirs.has(w)).length / mine.size;
          }),
      );
      assert.ok(best >= 0.5, `"${c.text.slice(0, 40)}…" in ${id}: ${best}`);
    }
  }
  assert.ok(story.summary.reduce((n, c) => n + countWords(c.text), 0) <= 250);
});

test("seeds: a cited source is marked as a paraphrase exactly when the sentence is not in it word for word", () => {
  // The seeds are five outlets' own reports; the invented case in summary.test.ts shows a paraphrase being marked.
  const byId = new Map(articles.map((a) => [a.id, a]));
  const flat = (t: string) => t.replace(/\s+/gu, " ");
  for (const c of story.summary) {
    assert.ok(!c.paraphrases.includes(c.sources[0]!), "the own article quotes it");
    for (const id of c.sources) {
      const verbatim = flat(byId.get(id)!.text).includes(flat(c.text));
      assert.equal(c.paraphrases.includes(id), !verbatim, `${id}: "${c.text.slice(0, 40)}…"`);
    }
    assert.ok(c.paraphrases.every((id) => c.sources.includes(id)));
  }
});

test("seeds: quotes are grouped by speaker and entities counted over the story", () => {
  assert.ok(story.quotes.length > 0);
  assert.ok(story.quotes.every((q) => q.speaker !== null && story.articles.some((a) => a.id === q.article)));
  const top = story.entities[0];
  assert.ok(top && top.articles >= 4, JSON.stringify(story.entities.slice(0, 3)));
});
