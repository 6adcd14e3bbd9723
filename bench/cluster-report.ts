/**
 * What the clustering found on both streams, for a person to read and judge: the largest stories, 50 random pairs of
 * different stories of one topic (was the split right?) and 50 random pairs of articles of one story (was the join
 * right?). Writes titles, outlets and dates only, to a TSV under $TMPDIR for the judge; nothing is stored in the
 * project. Uses the article cache of bench/cluster-scale.ts (run that first).
 *
 *   npx tsx bench/cluster-report.ts [--limit N] [--seed S]
 */
import { createReadStream, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Clusterer } from "../src/cluster/engine.js";
import { loadHasher } from "../src/core/hash.js";
import type { Article } from "../src/core/types.js";

const CACHE = join(tmpdir(), "rasd-cluster-bench-articles.jsonl");
const OUT = join(tmpdir(), "rasd-cluster-report.tsv");

interface Row {
  id: string;
  title: string;
  outlet: string;
  date: string;
  lead: string;
}

async function load(limit: number): Promise<Article[]> {
  const all: Article[] = [];
  for await (const line of createInterface({ input: createReadStream(CACHE) })) {
    if (all.length >= limit) break;
    all.push(JSON.parse(line) as Article);
  }
  return all.sort((a, b) => (a.published.date ?? "").localeCompare(b.published.date ?? ""));
}

/** A small seeded generator, so the sample is reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)]!;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limit = args.includes("--limit") ? Number(args[args.indexOf("--limit") + 1]) : Infinity;
  const seed = args.includes("--seed") ? Number(args[args.indexOf("--seed") + 1]) : 7;
  await loadHasher();
  const articles = await load(limit);
  const c = new Clusterer();
  articles.forEach((a, i) => c.place(a, i + 1));
  const row = new Map<string, Row>();
  const byStory = new Map<string, string[]>();
  for (const a of articles) {
    // One record republished word for word is one article (the same id): count it once, or a "pair" drawn from a
    // story could be one article twice and the draw below would never end.
    if (row.has(a.id)) continue;
    // The lead: the first 160 characters, for the judge only (the TSV stays in $TMPDIR).
    row.set(a.id, {
      id: a.id,
      title: a.title.replace(/\s+/gu, " "),
      outlet: a.publisher.name ?? "?",
      date: a.published.date ?? "?",
      lead: a.text.slice(0, 160).replace(/\s+/gu, " "),
    });
    const s = c.storyOf.get(a.id)!;
    byStory.set(s, [...(byStory.get(s) ?? []), a.id]);
  }
  const byTopic = new Map<string, string[]>();
  for (const s of byStory.keys()) {
    const t = c.topicOf.get(s)!;
    byTopic.set(t, [...(byTopic.get(t) ?? []), s]);
  }
  const lines: string[] = [];
  const largest = [...byStory].sort((a, b) => b[1].length - a[1].length).slice(0, 15);
  for (const [s, ids] of largest) {
    const days = ids.map((i) => row.get(i)!.date).sort();
    lines.push(
      ["largest", s, String(ids.length), `${days[0]}..${days[days.length - 1]}`, row.get(ids[0]!)!.title].join("\t"),
    );
  }
  const r = rng(seed);
  const multiStory = [...byTopic.values()].filter((ss) => ss.length >= 2);
  const multiArticle = [...byStory.entries()].filter(([, ids]) => ids.length >= 2);
  for (let k = 0; k < 50; k++) {
    const ss = pick(multiStory, r);
    const s1 = pick(ss, r);
    let s2 = pick(ss, r);
    while (s2 === s1) s2 = pick(ss, r);
    const a = row.get(pick(byStory.get(s1)!, r))!;
    const b = row.get(pick(byStory.get(s2)!, r))!;
    lines.push(["story-pair", String(k + 1), fmt(a), fmt(b)].join("\t"));
  }
  for (let k = 0; k < 50; k++) {
    const [, ids] = pick(multiArticle, r);
    const i = pick(ids, r);
    let j = pick(ids, r);
    while (j === i) j = pick(ids, r);
    lines.push(["same-story", String(k + 1), fmt(row.get(i)!), fmt(row.get(j)!)].join("\t"));
  }
  writeFileSync(OUT, lines.join("\n") + "\n");
  const sizes = [...byStory.values()].map((x) => x.length);
  console.log(
    `${articles.length} articles, ${byStory.size} stories (${sizes.filter((n) => n >= 2).length} with ≥ 2 articles), ` +
      `${byTopic.size} topics (${multiStory.length} with ≥ 2 stories); sample written to ${OUT}`,
  );
}

function fmt(x: Row): string {
  return `${x.date} ${x.outlet} | ${x.title} | ${x.lead}`;
}

await main();
