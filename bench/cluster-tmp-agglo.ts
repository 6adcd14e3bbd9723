import { readFileSync } from "node:fs";
import { Clusterer } from "../src/cluster/engine.js";
import { extractFeatures, articleTerms, type ArticleFeatures } from "../src/cluster/features.js";
import { bcubed } from "../src/cluster/bcubed.js";
import { loadHasher } from "../src/core/hash.js";
await loadHasher();
const cache = JSON.parse(readFileSync("/tmp/rasd-ml-cache.json", "utf8"));
const ml = cache.ml as { article: any; topic: string }[];
const c = new Clusterer();
for (const x of ml) c.df.observe(new Set(articleTerms(x.article)));
const fs: ArticleFeatures[] = ml.map((x) => extractFeatures(x.article, articleTerms(x.article), c.df));
const cos = (a: ArticleFeatures, b: ArticleFeatures) => { let d = 0; for (const [t, w] of a.terms) d += w * (b.terms.get(t) ?? 0); return d; };
const jac = (a: string[], b: string[]) => { const s = new Set(b); const i = a.filter((x) => s.has(x)).length; return i / Math.max(1, Math.min(a.length, b.length)); };
const n = fs.length;
const sim = (i: number, j: number) => 0.7 * cos(fs[i]!, fs[j]!) + 0.15 * jac(fs[i]!.entities, fs[j]!.entities) + 0.15 * jac(fs[i]!.title, fs[j]!.title);
const S = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : sim(i, j))));
let nnOk = 0; for (let i = 0; i < n; i++) { let b = -1, bj = -1; for (let j = 0; j < n; j++) if (S[i]![j]! > b) [b, bj] = [S[i]![j]!, j]; if (ml[bj]!.topic === ml[i]!.topic) nnOk++; }
console.log("nearest neighbour same topic:", nnOk, "/", n);
const gold = new Map(ml.map((x, i) => [String(i), x.topic]));
for (const cut of [0.03, 0.05, 0.07, 0.09, 0.11]) {
  let cl = fs.map((_, i) => [i]);
  for (;;) {
    let best = -1, bi = -1, bj = -1;
    for (let a = 0; a < cl.length; a++) for (let b = a + 1; b < cl.length; b++) {
      let s = 0; for (const i of cl[a]!) for (const j of cl[b]!) s += S[i]![j]!; s /= cl[a]!.length * cl[b]!.length;
      if (s > best) [best, bi, bj] = [s, a, b];
    }
    if (best < cut) break;
    cl[bi] = [...cl[bi]!, ...cl[bj]!]; cl.splice(bj, 1);
  }
  const pred = new Map<string, string>(); cl.forEach((g, k) => g.forEach((i) => pred.set(String(i), String(k))));
  const r = bcubed(gold, pred); console.log("avg-link cut", cut, "clusters", cl.length, "F1", r.f1.toFixed(3), "P", r.precision.toFixed(3), "R", r.recall.toFixed(3));
}
