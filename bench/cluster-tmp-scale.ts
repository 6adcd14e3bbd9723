import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Clusterer } from "../src/cluster/engine.js";
import { groupScore } from "../src/cluster/similarity.js";
import { loadHasher } from "../src/core/hash.js";
import type { Article } from "../src/core/types.js";
await loadHasher();
const all: Article[] = [];
for await (const line of createInterface({ input: createReadStream("/tmp/rasd-cluster-bench-articles.jsonl") })) { if (all.length >= 3000) break; all.push(JSON.parse(line) as Article); }
all.sort((a, b) => (a.published.date ?? "").localeCompare(b.published.date ?? ""));
const c = new Clusterer();
all.forEach((a, i) => c.place(a, i + 1));
console.log("stories", c.stories.size, "topics live", c.topics.live().length, "of", c.topics.size);
const t = c.topics.live().slice(0, 5);
for (const g of t) {
  const r = c.topics.ranked(g.profile.asFeatures(g.id, 24), new Set([g.id]));
  console.log(g.id, g.profile.n, g.profile.first, g.profile.last, "cands", r.length, r.slice(0, 3).map((m) => groupScore(g.profile, m.group.profile, c.topics.config.weights, c.topics.config.time)));
}
