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
for (const perm of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [3, 4, 0, 2, 1]]) {
  const c = new Clusterer();
  console.log("order", perm.join(""));
  perm.forEach((i, k) => {
    const a = cache.seeds[i]!;
    const p = c.place(a, k + 1);
    const d = p.decision;
    console.log(" ", basename(a.source.path).slice(0, 3), a.published.date, d.action, d.story.slice(0, 8), d.best?.story.slice(0, 8), d.best?.evidence.score.toFixed(3),
      "T", d.best?.evidence.terms.toFixed(3), "E", d.best?.evidence.entities?.toFixed(3), "gap", d.best?.evidence.gapDays, "cands", d.candidates);
  });
}
