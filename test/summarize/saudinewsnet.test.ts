import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { loadHasher } from "../../src/core/hash.js";
import { corpusPath } from "../../src/core/paths.js";
import type { Article } from "../../src/core/types.js";
import { processDoc } from "../../src/pipeline/run.js";
import { readInput } from "../../src/source/read.js";
import { summarizeStory } from "../../src/summarize/index.js";
import { quotesBalanced } from "../../src/summarize/quotation.js";
import { tempDir } from "../helpers/cli.js";
import { summaryStages } from "./pipeline.js";

// Real records (the first of SaudiNewsNet's stream) through the whole pipeline, each summarised as a story of its
// own: its lead is the summary's first sentence, which is where bylines and datelines sit.
const STREAM = corpusPath("streams", "saudinewsnet.jsonl.gz");
const skip = existsSync(STREAM) ? false : "needs ../shared/corpus/streams";
/** Records taken per outlet, in stream order: the outlets that sign or label their reports, and two that do not. */
const PER_OUTLET = new Map([
  ["sabq", 120],
  ["alweeam", 60],
  ["aawsat", 60],
  ["okaz", 30],
  ["alyaum", 30],
]);
const articles: Article[] = [];

before(async () => {
  if (skip) return;
  const lines = gunzipSync(readFileSync(STREAM)).toString("utf8").split("\n").slice(0, 3000);
  const taken = new Map<string, number>();
  const keep = lines.filter((l) => {
    if (l.trim() === "") return false;
    const outlet = (JSON.parse(l) as { outlet: string }).outlet;
    const n = taken.get(outlet) ?? 0;
    taken.set(outlet, n + 1);
    return n < (PER_OUTLET.get(outlet) ?? 0);
  });
  const file = join(tempDir(), "head.jsonl");
  writeFileSync(file, keep.join("\n") + "\n");
  await loadHasher();
  const stages = summaryStages();
  for await (const item of readInput({ path: file, kind: "jsonl", gzip: false, explicit: true })) {
    if (item.ok === true) articles.push(await processDoc(item.raw, item.sourceKey, stages));
  }
});

/** A dashed credit naming the outlet before a colon, as Sabq signs its reports (an independent yardstick). */
const SABQ_CREDIT = /^[^:.،\n]{0,60}[-–]\s*سبق\s*(?:[-–][^:.،\n]{0,30})?:/u;

test("SaudiNewsNet: no summary sentence carries a byline, a dateline or a 'news link' line", { skip }, () => {
  let signed = 0;
  for (const a of articles) {
    if (a.text.split("\n").some((l) => SABQ_CREDIT.test(l.trim()))) signed++;
    const story = summarizeStory([a], { words: 120 });
    for (const s of story.summary) {
      assert.ok(!SABQ_CREDIT.test(s.text), `${a.id}: ${s.text.slice(0, 80)}`);
      assert.ok(!/^رابط (?:الخبر|المقال)/u.test(s.text), `${a.id}: ${s.text.slice(0, 80)}`);
      assert.ok(!/^[^:.،\n]{0,30}\s[-–]\s«?الشرق الأوسط»?\s*:/u.test(s.text), `${a.id}: ${s.text.slice(0, 80)}`);
    }
  }
  assert.ok(signed >= 20, `only ${signed} signed Sabq reports: the test would prove nothing`);
});

test("SaudiNewsNet: every summary sentence is verbatim in its article and quotes whole quotations", { skip }, () => {
  let sentences = 0;
  for (const a of articles) {
    for (const s of summarizeStory([a], { words: 120 }).summary) {
      sentences++;
      assert.ok(a.text.includes(s.text), `${a.id}: ${s.text.slice(0, 80)}`);
      assert.ok(quotesBalanced(s.text), `${a.id}: ${s.text}`);
      assert.deepEqual(s.paraphrases, [], "a one-article story quotes, never paraphrases");
    }
  }
  assert.ok(sentences > articles.length, `${sentences} sentences for ${articles.length} articles`);
});
