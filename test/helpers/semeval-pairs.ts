/**
 * SemEval-2022 Task 8's Arabic training pairs (../shared/corpus/pairs/semeval2022t8_ar_train.csv): 56 pairs of news
 * articles people rated from 1 (the same story) to 4 (unrelated). Each text goes through the full pipeline (entities
 * included) as a text document; every distinct article is clustered in one run, in file order, so a pair can also be
 * joined through a third article (a chain), as on a stream.
 */
import { readFileSync } from "node:fs";
import { Clusterer } from "../../src/cluster/engine.js";
import type { ClusterConfig } from "../../src/cluster/config.js";
import { corpusPath } from "../../src/core/paths.js";
import type { Article } from "../../src/core/types.js";
import { processDoc } from "../../src/pipeline/run.js";
import { createStages } from "../../src/assemble/stages.js";
import { parseCsv } from "./csv.js";

export interface RatedPair {
  /** Row number in the file (1-based, header excluded). */
  row: number;
  a: string;
  b: string;
  overall: number;
  /** Tuning or checking part, by a fixed rule: odd rows tune, even rows check. */
  part: "tuning" | "checking";
}

/** Rated unrelated (Overall ≥ 3): must never share a story. */
export const UNRELATED = 3;
/** Rated the same story (Overall ≤ 1.5): should be joined. */
export const SAME = 1.5;

export interface SemevalSet {
  pairs: RatedPair[];
  /** The distinct articles (by the id in pair_id), in file order. */
  articles: Article[];
}

export async function loadSemeval(): Promise<SemevalSet> {
  const file = corpusPath("pairs", "semeval2022t8_ar_train.csv");
  const [head, ...rows] = parseCsv(readFileSync(file, "utf8")).filter((r) => r.length > 1);
  const col = (name: string) => {
    const i = head!.indexOf(name);
    if (i < 0) throw new Error(`rasd: ${file}: no column ${name}`);
    return i;
  };
  const [pid, t1, t2, overall] = [col("pair_id"), col("text1"), col("text2"), col("Overall")];
  const stages = createStages();
  const articles = new Map<string, Article>();
  const pairs: RatedPair[] = [];
  for (const [k, r] of rows.entries()) {
    const [a, b] = r[pid]!.split("_") as [string, string];
    for (const [id, text] of [
      [a, r[t1]!],
      [b, r[t2]!],
    ] as const) {
      if (articles.has(id)) continue;
      const raw = { source: { path: `semeval/${id}.txt` }, format: "text" as const, bytes: Buffer.from(text, "utf8") };
      const article = await processDoc(raw, `semeval/${id}`, stages);
      articles.set(id, { ...article, id });
    }
    pairs.push({ row: k + 1, a, b, overall: Number(r[overall]), part: (k + 1) % 2 === 1 ? "tuning" : "checking" });
  }
  return { pairs, articles: [...articles.values()] };
}

export interface PairOutcome {
  pair: RatedPair;
  joined: boolean;
}

/**
 * Which pairs share a story. `together`: every article of the set in one run (file order), so a pair can also be
 * joined or kept apart through the others; `alone`: each pair in a run of its own (the two articles and nothing
 * else), the question the raters answered.
 */
export function clusterPairs(set: SemevalSet, mode: "together" | "alone", config?: ClusterConfig): PairOutcome[] {
  if (mode === "alone") {
    const byId = new Map(set.articles.map((a) => [a.id, a]));
    return set.pairs.map((pair) => {
      const c = new Clusterer(config);
      c.place(byId.get(pair.a)!, 1);
      c.place(byId.get(pair.b)!, 2);
      return { pair, joined: c.storyOf.get(pair.a) === c.storyOf.get(pair.b) };
    });
  }
  const c = new Clusterer(config);
  set.articles.forEach((a, i) => c.place(a, i + 1));
  return set.pairs.map((pair) => ({ pair, joined: c.storyOf.get(pair.a) === c.storyOf.get(pair.b) }));
}
