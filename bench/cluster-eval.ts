/**
 * Clustering quality on the labelled sets: the seeds (events and topic of gold.json) and multiling2011 (topics of
 * clusters.tsv, B-cubed), in file order and in shuffled orders, and how far the orders agree (topics and events).
 * Run: npx tsx bench/cluster-eval.ts (RULES, STORY, TOPIC: see bench/cluster-config.ts)
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { bcubed } from "../src/cluster/bcubed.js";
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from "../src/cluster/config.js";
import { Clusterer } from "../src/cluster/engine.js";
import { corpusPath } from "../src/core/paths.js";
import { loadHasher } from "../src/core/hash.js";
import type { Article } from "../src/core/types.js";
import { configFromEnv } from "./cluster-config.js";
import { multilingArticles, seedArticles } from "./cluster-load.js";

export function clusterAll(
  articles: readonly Article[],
  config: ClusterConfig = DEFAULT_CLUSTER_CONFIG,
): { story: Map<string, string>; topic: Map<string, string> } {
  const c = new Clusterer(config);
  const story = new Map<string, string>();
  const topic = new Map<string, string>();
  // Read at the end: a later article can move an earlier one to another story, or merge its topic into another.
  articles.forEach((a, i) => c.place(a, i + 1));
  for (const a of articles) {
    const s = c.storyOf.get(a.id)!;
    story.set(a.id, s);
    topic.set(a.id, c.topicOf.get(s)!);
  }
  return { story, topic };
}

export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function main(): Promise<void> {
  await loadHasher();
  const config = configFromEnv();
  const seeds = await seedArticles();
  const gold = JSON.parse(readFileSync(corpusPath("seeds", "gold.json"), "utf8")) as {
    stories: { events: { files: string[] }[] };
  };
  const goldEvent = new Map<string, string>();
  gold.stories.events.forEach((e, i) => e.files.forEach((f) => goldEvent.set(f, String(i))));
  for (const order of [0, 1, 2, 3]) {
    const arts = order === 0 ? seeds : shuffled(seeds, order);
    const r = clusterAll(arts, config);
    const byFile = (m: Map<string, string>) => new Map(seeds.map((a) => [basename(a.source.path), m.get(a.id)!]));
    const ev = bcubed(goldEvent, byFile(r.story));
    const topics = new Set(r.topic.values()).size;
    console.log(
      `seeds order ${order}: events F1 ${ev.f1.toFixed(3)} (${new Set(r.story.values()).size} events), topics ${topics}`,
    );
  }
  const ml = await multilingArticles();
  const goldTopic = new Map(ml.map((x) => [x.article.id, x.topic]));
  const parts: Map<string, string>[] = [];
  const events: Map<string, string>[] = [];
  for (const order of [0, 1, 2, 3, 4, 5]) {
    const arts =
      order === 0
        ? ml.map((x) => x.article)
        : shuffled(
            ml.map((x) => x.article),
            order,
          );
    const r = clusterAll(arts, config);
    parts.push(r.topic);
    events.push(r.story);
    const t = bcubed(goldTopic, r.topic);
    console.log(
      `multiling order ${order}: topics P ${t.precision.toFixed(3)} R ${t.recall.toFixed(3)} F1 ${t.f1.toFixed(3)} ` +
        `(${new Set(r.topic.values()).size} topics, ${new Set(r.story.values()).size} events)`,
    );
  }
  for (let i = 1; i < parts.length; i++)
    console.log(
      `order 0 vs ${i}: topics F1 ${bcubed(parts[0]!, parts[i]!).f1.toFixed(3)}, ` +
        `events F1 ${bcubed(events[0]!, events[i]!).f1.toFixed(3)}`,
    );
}

if (process.argv[1]?.endsWith("cluster-eval.ts")) await main();
