import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, test } from "node:test";
import { corpusPath } from "../../src/core/paths.js";
import type { Story } from "../../src/core/types.js";
import { jsonLines, rasd, tempDir } from "../helpers/cli.js";

// `rasd story ID` end to end through the compiled command line: ingest the seeds into a fresh store, list the
// stories, print each one and check it against DESIGN.md's Story shape and its own listing.
interface Listed {
  id: string;
  title: string;
  articles: number;
}

let dir = "";
let listed: Listed[] = [];

before(() => {
  dir = tempDir("rasd-story-");
  const ingest = rasd(["ingest", "--store", dir, corpusPath("seeds")]);
  assert.equal(ingest.status, 0, ingest.stderr);
  const stories = rasd(["stories", "--json", "--store", dir]);
  assert.equal(stories.status, 0, stories.stderr);
  listed = jsonLines<Listed>(stories.stdout);
});

after(() => rmSync(dir, { recursive: true, force: true }));

const isDay = (d: unknown) => d === null || (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/u.test(d));

function checkShape(story: Story, row: Listed): void {
  assert.equal(story.id, row.id);
  assert.ok(typeof story.title === "string" && story.title.length > 0);
  assert.ok(isDay(story.span.from) && isDay(story.span.to), JSON.stringify(story.span));
  assert.equal(story.articles.length, row.articles);
  for (const key of ["summary", "timeline", "entities", "quotes", "claims"] as const)
    assert.ok(Array.isArray(story[key]), key);
  const ids = new Set(story.articles.map((a) => a.id));
  assert.equal(ids.size, story.articles.length, "each article once");
  for (const a of story.articles) {
    assert.ok(isDay(a.published), `${a.id}: ${a.published}`);
    assert.ok(a.duplicateOf === null || ids.has(a.duplicateOf));
  }
  assert.ok(story.summary.length > 0, "a story with articles has a summary");
  for (const c of story.summary) {
    assert.ok(c.text.trim().length > 0);
    assert.ok(
      c.sources.length > 0 && c.sources.every((s) => ids.has(s)),
      `citations outside the story: ${c.sources.join(",")}`,
    );
  }
  for (const t of story.timeline)
    assert.ok(
      t.sources.every((s) => ids.has(s)),
      JSON.stringify(t),
    );
  for (const q of story.quotes) assert.ok(ids.has(q.article), JSON.stringify(q));
  for (const c of story.claims)
    assert.ok(
      c.values.every((v) => ids.has(v.article)),
      JSON.stringify(c),
    );
}

test("rasd story ID --json prints every listed story in the Story shape, citing only its own articles", () => {
  assert.ok(listed.length > 0, "the seeds make at least one story");
  assert.equal(
    listed.reduce((n, s) => n + s.articles, 0),
    5,
    "the five seeds, each in one story",
  );
  for (const row of listed) {
    const r = rasd(["story", row.id, "--json", "--store", dir]);
    assert.equal(r.status, 0, r.stderr);
    checkShape(JSON.parse(r.stdout) as Story, row);
  }
});

test("rasd story with an unknown id fails without printing a story", () => {
  const r = rasd(["story", "s0000000000000000", "--json", "--store", dir]);
  assert.notEqual(r.status, 0);
  assert.equal(r.stdout.trim(), "");
});
