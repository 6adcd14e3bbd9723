/** Scratch diagnostics (not a benchmark): npx tsx bench/cluster-diag.ts */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Clusterer } from "../src/cluster/engine.js";
import { loadHasher } from "../src/core/hash.js";
import type { Article } from "../src/core/types.js";
import { multilingArticles, seedArticles, type Labelled } from "./cluster-load.js";

const CACHE = join(tmpdir(), "rasd-ml-cache.json");
await loadHasher();
let cache: { ml: Labelled[]; seeds: Article[] };
if (existsSync(CACHE)) cache = JSON.parse(readFileSync(CACHE, "utf8")) as typeof cache;
else {
  cache = { ml: await multilingArticles(), seeds: await seedArticles() };
  writeFileSync(CACHE, JSON.stringify(cache));
}
for (const perm of [
  [0, 1, 2, 3, 4],
  [4, 3, 2, 1, 0],
  [3, 4, 0, 2, 1],
]) {
  const c = new Clusterer();
  console.log("order", perm.join(""));
  perm.forEach((i, k) => {
    const a = cache.seeds[i]!;
    const p = c.place(a, k + 1);
    const d = p.decision;
    console.log(
      " ",
      basename(a.source.path).slice(0, 3),
      a.published.date,
      d.action,
      d.story.slice(0, 8),
      d.best?.story.slice(0, 8),
      d.best?.evidence.score.toFixed(3),
      "T",
      d.best?.evidence.terms.toFixed(3),
      "E",
      d.best?.evidence.entities?.toFixed(3),
      "gap",
      d.best?.evidence.gapDays,
      "cands",
      d.candidates,
      "moved",
      JSON.stringify(p.moved),
    );
  });
  console.log(
    "  final",
    perm
      .map(
        (i) => basename(cache.seeds[i]!.source.path).slice(0, 3) + ":" + c.storyOf.get(cache.seeds[i]!.id)!.slice(0, 8),
      )
      .join(" "),
  );
}

import { bcubed } from "../src/cluster/bcubed.js";
import { shuffled } from "./cluster-eval.js";
import { DEFAULT_CLUSTER_CONFIG } from "../src/cluster/config.js";
const goldTopic = new Map(cache.ml.map((x) => [x.article.id, x.topic]));
const parts: Map<string, string>[] = [];
for (const order of [0, 1, 2, 3, 4, 5]) {
  const arts =
    order === 0
      ? cache.ml.map((x) => x.article)
      : shuffled(
          cache.ml.map((x) => x.article),
          order,
        );
  const c = new Clusterer(
    process.env.TOPIC
      ? {
          ...DEFAULT_CLUSTER_CONFIG,
          topic: { ...DEFAULT_CLUSTER_CONFIG.topic, ...(JSON.parse(process.env.TOPIC) as object) },
        }
      : DEFAULT_CLUSTER_CONFIG,
  );
  arts.forEach((a, i) => c.place(a, i + 1));
  const topic = new Map(arts.map((a) => [a.id, c.topicOf.get(c.storyOf.get(a.id)!)!]));
  const story = new Map(arts.map((a) => [a.id, c.storyOf.get(a.id)!]));
  parts.push(topic);
  const t = bcubed(goldTopic, topic);
  console.log(
    `multiling ${order}: P ${t.precision.toFixed(3)} R ${t.recall.toFixed(3)} F1 ${t.f1.toFixed(3)} topics ${new Set(topic.values()).size} events ${new Set(story.values()).size}`,
  );
}
for (let i = 1; i < parts.length; i++) console.log(`agree 0 vs ${i}: ${bcubed(parts[0]!, parts[i]!).f1.toFixed(3)}`);
{
  const arts = cache.ml.map((x) => x.article);
  const c = new Clusterer();
  const log: string[] = [];
  arts.forEach((a, i) => {
    const p = c.place(a, i + 1);
    const d = p.decision;
    log.push(
      `${cache.ml[i]!.doc} ${d.action} story-best ${d.best?.evidence.score.toFixed(3)} topic ${d.topic.action} best ${d.topic.best?.topic.slice(1, 6)} ${d.topic.best?.evidence.score.toFixed(3)} T ${d.topic.best?.evidence.terms.toFixed(3)} E ${d.topic.best?.evidence.entities?.toFixed(3)} H ${d.topic.best?.evidence.title?.toFixed(3)} tf ${d.topic.best?.evidence.timeFactor.toFixed(2)}`,
    );
  });
  const by = new Map<string, string[]>();
  for (const x of cache.ml) {
    const t = c.topicOf.get(c.storyOf.get(x.article.id)!)!;
    by.set(x.topic, [...(by.get(x.topic) ?? []), t.slice(1, 6)]);
  }
  for (const [g, ts] of by) console.log(g, ts.join(" "));
  if (process.env.LOG) console.log(log.join("\n"));
}
if (process.env.PAIRS) {
  const { groupScore } = await import("../src/cluster/similarity.js");
  const arts = cache.ml.map((x) => x.article);
  const c = new Clusterer(
    process.env.TOPIC
      ? {
          ...DEFAULT_CLUSTER_CONFIG,
          topic: { ...DEFAULT_CLUSTER_CONFIG.topic, ...(JSON.parse(process.env.TOPIC) as object) },
        }
      : DEFAULT_CLUSTER_CONFIG,
  );
  arts.forEach((a, i) => c.place(a, i + 1));
  const goldOf = new Map<string, string>();
  for (const x of cache.ml) goldOf.set(c.topicOf.get(c.storyOf.get(x.article.id)!)!, x.topic);
  const ids = [...goldOf.keys()];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = c.topics.get(ids[i]!)!,
        b = c.topics.get(ids[j]!)!;
      const e = groupScore(a.profile, b.profile, c.topics.config.weights, c.topics.config.time);
      if (goldOf.get(ids[i]!) === goldOf.get(ids[j]!) || e.score > 0.04)
        console.log(
          goldOf.get(ids[i]!),
          goldOf.get(ids[j]!),
          a.profile.n,
          b.profile.n,
          e.score.toFixed(3),
          e.terms.toFixed(3),
          e.entities?.toFixed(3),
          e.title?.toFixed(3),
          e.timeFactor.toFixed(2),
        );
    }
}
if (process.env.STALE) {
  const arts = cache.ml.map((x) => x.article);
  const c = new Clusterer(
    process.env.TOPIC
      ? {
          ...DEFAULT_CLUSTER_CONFIG,
          topic: { ...DEFAULT_CLUSTER_CONFIG.topic, ...(JSON.parse(process.env.TOPIC) as object) },
        }
      : DEFAULT_CLUSTER_CONFIG,
  );
  arts.forEach((a, i) => c.place(a, i + 1));
  let stale = 0;
  for (const [s, t] of c.topicOf) if (c.topics.get(t)?.mergedInto !== undefined || !c.stories.get(s)) stale++;
  console.log("stale", stale, "of", c.topicOf.size);
}
