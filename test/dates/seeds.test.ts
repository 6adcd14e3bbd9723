// Publication and event dates of the five seed pages, against ../shared/corpus/seeds/gold.json.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { corpusPath } from "../../src/core/paths.js";
import { loadHasher } from "../../src/core/hash.js";
import { runStages } from "../../src/pipeline/run.js";
import { extractStage } from "../../src/extract/index.js";
import { publishedStage } from "../../src/annotate/published/stage.js";
import { datesStage } from "../../src/annotate/dates/stage.js";
import { inferStoryDates } from "../../src/annotate/published/story.js";
import { parseIsoDay, weekday, WEEKDAY_NAMES } from "../../src/annotate/dates/calendar.js";
import type { Article } from "../../src/core/types.js";

interface GoldFile {
  published: { value: string | null; alone: unknown };
  event_dates: Array<{ text: string; value: string }>;
  must_not_be_published: string[];
}
const gold = JSON.parse(readFileSync(corpusPath("seeds", "gold.json"), "utf8")) as { files: Record<string, GoldFile> };
const articles = new Map<string, Article>();

before(async () => {
  await loadHasher();
  const dir = corpusPath("seeds");
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
    const raw = { source: { path: f }, format: "text" as const, bytes: readFileSync(`${dir}/${f}`) };
    const doc = await runStages(raw, f, [extractStage, publishedStage, datesStage]);
    articles.set(f, doc.article);
  }
});

function fold(s: string): string {
  return s
    .replace(/[\u064B-\u0652\u0640]/g, "")
    .replace(/[أإآ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه");
}

test("each seed's publication date, from its page alone, is what gold.json says the page fixes", () => {
  for (const [name, g] of Object.entries(gold.files)) {
    const p = articles.get(name)!.published;
    for (const bad of g.must_not_be_published)
      assert.ok(!(p.date ?? "").startsWith(bad), `${name}: ${p.date} is forbidden`);
    const alone = g.published.alone;
    if (typeof alone === "string") assert.equal(p.date, alone, `${name}: ${p.evidence}`);
    else if (alone === null) assert.equal(p.date, null, name);
    else if (typeof alone === "object" && "candidates" in alone) {
      assert.equal(p.date, null, `${name}: an open reading must not be presented as a fact`);
      assert.deepEqual([...p.candidates].sort(), [...(alone as { candidates: string[] }).candidates].sort(), name);
    } else if (typeof alone === "object" && "weekday" in alone) {
      assert.equal(p.date, null, name);
      assert.equal(p.constraints?.weekday, (alone as { weekday: string }).weekday, name);
    }
    assert.ok(p.evidence.length > 0, `${name} has evidence`);
  }
});

test("across the Brussels story, each article's date is inferred from the others", () => {
  const story = ["001", "002", "003"].map((k) => [...articles.entries()].find(([n]) => n.startsWith(k))![1]);
  const out = inferStoryDates(story);
  const byName = new Map(out.map((a) => [a.source.path.slice(0, 3), a]));
  for (const [k, want] of [
    ["001", "2016-02-10"],
    ["002", "2016-02-12"],
    ["003", "2016-02-11"],
  ] as const) {
    assert.equal(byName.get(k)?.published.date, want, `${k}: ${byName.get(k)?.published.evidence}`);
  }
  assert.equal(story[0]!.published.date, null, "the inputs are not changed");
  for (const [name, g] of Object.entries(gold.files)) {
    const a = out.find((x) => x.source.path === name);
    if (!a || g.published.value === null) continue;
    assert.equal(a.published.date, g.published.value, name);
  }
});

test("the seeds' event dates are found with their values (after story inference for the Brussels story)", () => {
  const all = [...articles.values()];
  const story = inferStoryDates(all.filter((a) => /^00[123]/.test(a.source.path)));
  const final = new Map<string, Article>([
    ...all.map((a) => [a.source.path, a] as const),
    ...story.map((a) => [a.source.path, a] as const),
  ]);
  for (const [name, g] of Object.entries(gold.files)) {
    const dates = final.get(name)!.dates;
    for (const ev of g.event_dates) {
      const hit = dates.find((d) => fold(d.text).includes(fold(ev.text)) || fold(ev.text).includes(fold(d.text)));
      assert.ok(hit, `${name}: "${ev.text}" not found`);
      assert.equal(hit.value, ev.value, `${name}: "${ev.text}"`);
    }
  }
});

test("a background date is never the publication date and is marked background", () => {
  const a = [...articles.entries()].find(([n]) => n.startsWith("004"))![1];
  const bg = a.dates.find((d) => d.value === "2014-08");
  assert.equal(bg?.role, "background");
  assert.equal(a.published.date, null);
});

test("a stated weekday agrees with the inferred day", () => {
  const a = [...articles.entries()].find(([n]) => n.startsWith("000"))![1];
  const d = parseIsoDay(a.published.date!)!;
  assert.equal(WEEKDAY_NAMES[weekday(d.y, d.m, d.d)], "Tuesday");
});
