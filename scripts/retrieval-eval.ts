/**
 * Retrieval quality of each stemming scheme, side by side (issue 3, "Done when").
 *
 * On ../shared/corpus/multiling2011 (10 topics × 10 Arabic news articles): each article's title (its first non-empty
 * line) is a query; the other 9 articles of its topic are the relevant ones; BM25 ranks the other 99 articles. We
 * report mean average precision (MAP) and precision at 9 (P@9), per scheme, in one run.
 *
 *   npx tsx scripts/retrieval-eval.ts [--json]
 */
import { readFileSync } from "node:fs";
import { corpusPath } from "../src/core/paths.js";
import { analyzeTerms } from "../src/analysis/ar/analyze.js";
import type { Scheme } from "../src/analysis/ar/stem.js";
import { Bm25Index } from "../src/search/bm25.js";

interface Doc {
  id: string;
  topic: string;
  title: string;
  text: string;
}

function loadDocs(): Doc[] {
  const rows = readFileSync(corpusPath("multiling2011", "clusters.tsv"), "utf8").trim().split("\n").slice(1);
  return rows.map((row) => {
    const [id, topic, arPath] = row.split("\t");
    if (id === undefined || topic === undefined || arPath === undefined)
      throw new Error(`bad clusters.tsv row: ${row}`);
    const text = readFileSync(corpusPath("multiling2011", arPath), "utf8");
    const title = text.split("\n").find((l) => l.trim().length > 0) ?? "";
    return { id, topic, title, text };
  });
}

export interface Quality {
  scheme: Scheme;
  map: number;
  p9: number;
}

export function evaluate(docs: readonly Doc[], scheme: Scheme): Quality {
  const index = new Bm25Index();
  for (const d of docs) index.add(analyzeTerms(d.text, { scheme }));
  let sumAp = 0;
  let sumP9 = 0;
  docs.forEach((q, qi) => {
    const ranked = index.search(analyzeTerms(q.title, { scheme })).filter((h) => h.id !== qi);
    const relevant = docs.filter((d, i) => i !== qi && d.topic === q.topic).length;
    let hits = 0;
    let ap = 0;
    ranked.forEach((h, rank) => {
      if (docs[h.id]!.topic !== q.topic) return;
      hits++;
      ap += hits / (rank + 1);
      if (rank < 9) sumP9 += 1 / 9;
    });
    sumAp += ap / relevant;
  });
  return { scheme, map: sumAp / docs.length, p9: sumP9 / docs.length };
}

function main(): void {
  const docs = loadDocs();
  const schemes: Scheme[] = ["none", "lucene", "snowball", "rasd"];
  const results = schemes.map((s) => evaluate(docs, s));
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(results));
    return;
  }
  console.log(`multiling2011 Arabic: ${docs.length} articles, titles as queries, BM25 (k1 1.2, b 0.75)\n`);
  console.log("| scheme   |    MAP |    P@9 |");
  console.log("|----------|-------:|-------:|");
  for (const r of results) console.log(`| ${r.scheme.padEnd(8)} | ${r.map.toFixed(4)} | ${r.p9.toFixed(4)} |`);
}

main();
