import { readFileSync } from "node:fs";
import { Clusterer } from "../src/cluster/engine.js";
import { loadHasher } from "../src/core/hash.js";
import type { Article } from "../src/core/types.js";
await loadHasher();
const seeds = (JSON.parse(readFileSync("/tmp/rasd-ml-cache.json", "utf8")) as { seeds: Article[] }).seeds;
const perms = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x) => perms(xs.filter((y) => y !== x)).map((p) => [x, ...p])));
let ok = 0, oneTopic = 0; const bad: string[] = [];
for (const p of perms([0, 1, 2, 3, 4])) {
  const c = new Clusterer();
  p.forEach((i, k) => c.place(seeds[i]!, k + 1));
  const s = seeds.map((a) => c.storyOf.get(a.id)!);
  const good = s[1] === s[2] && s[2] === s[3] && s[0] !== s[1] && s[4] !== s[1] && s[0] !== s[4];
  if (good) ok++; else bad.push(p.join(""));
  if (new Set(s.map((x) => c.topicOf.get(x))).size === 1) oneTopic++;
}
console.log("events exact", ok, "/ 120; one topic", oneTopic, "/ 120; failing", bad.slice(0, 20).join(" "));
