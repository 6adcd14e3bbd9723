/**
 * Summarising a large story (issue 8: a 100-article story in under a second). Real articles from
 * ../shared/corpus/streams/saudinewsnet.jsonl.gz: the first N whose title names KEYWORD (default اليمن, the war in
 * Yemen that filled July–August 2015), run through the pipeline's stages first (not timed), then `summarizeStory`
 * timed over R runs: the whole Story (publication-date inference, copy links, summary with citations, timeline,
 * quotes, entities, claims). Single-threaded.
 *
 *   npx tsx bench/summarize.ts [--articles 100] [--runs 7] [--keyword اليمن]
 */
import { createReadStream } from "node:fs";
import { cpus } from "node:os";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { datesStage } from "../src/annotate/dates/index.js";
import { figuresStage } from "../src/annotate/figures/index.js";
import { publishedStage } from "../src/annotate/published/index.js";
import { loadHasher } from "../src/core/hash.js";
import { corpusPath } from "../src/core/paths.js";
import type { Article } from "../src/core/types.js";
import { processDoc } from "../src/pipeline/run.js";
import { createStages } from "../src/assemble/stages.js";
import { countWords, summarizeStory } from "../src/summarize/index.js";

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
}

interface Rec {
  outlet?: string;
  url?: string;
  date_extracted?: string;
  title?: string;
  content?: string;
}

async function loadArticles(n: number, keyword: string): Promise<Article[]> {
  const stages = createStages();
  const have = new Set(stages.map((s) => s.name));
  for (const s of [publishedStage, datesStage, figuresStage]) if (!have.has(s.name)) stages.push(s);
  const rl = createInterface({
    input: createReadStream(corpusPath("streams", "saudinewsnet.jsonl.gz")).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const out: Article[] = [];
  let record = 0;
  for await (const line of rl) {
    record++;
    if (out.length >= n) break;
    const r = JSON.parse(line) as Rec;
    if (!r.title?.includes(keyword) || !r.content) continue;
    const source = { path: "saudinewsnet.jsonl.gz", record, ...(r.url ? { url: r.url } : {}) };
    const meta = {
      title: r.title,
      ...(r.outlet ? { outlet: r.outlet } : {}),
      ...(r.date_extracted ? { published: r.date_extracted, publishedIsCrawl: true } : {}),
    };
    out.push(await processDoc({ source, format: "record", text: r.content, meta }, `${record}`, stages));
  }
  return out;
}

async function main(): Promise<void> {
  const n = Number(arg("articles", "100"));
  const runs = Number(arg("runs", "7"));
  const keyword = arg("keyword", "اليمن");
  await loadHasher();
  const articles = await loadArticles(n, keyword);
  const words = articles.reduce((s, a) => s + countWords(a.text), 0);
  const times: number[] = [];
  let story = summarizeStory(articles);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    story = summarizeStory(articles);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version}, single-threaded`);
  console.log("articles  words    summary  timeline  claims  quotes   median ms   min ms   max ms");
  console.log(
    `${String(articles.length).padStart(8)}${String(words).padStart(7)}${String(story.summary.length).padStart(11)}` +
      `${String(story.timeline.length).padStart(10)}${String(story.claims.length).padStart(8)}${String(story.quotes.length).padStart(8)}` +
      `${median.toFixed(1).padStart(12)}${times[0]!.toFixed(1).padStart(9)}${times[times.length - 1]!.toFixed(1).padStart(9)}`,
  );
}

await main();
