import { readFileSync, readdirSync } from "node:fs";
import { datesStage } from "../../src/annotate/dates/index.js";
import { figuresStage } from "../../src/annotate/figures/index.js";
import { publishedStage } from "../../src/annotate/published/index.js";
import { loadHasher } from "../../src/core/hash.js";
import { corpusPath } from "../../src/core/paths.js";
import type { Stage } from "../../src/core/stage.js";
import type { Article } from "../../src/core/types.js";
import { processDoc } from "../../src/pipeline/run.js";
import { createStages } from "../../src/assemble/stages.js";

/**
 * The pipeline's stages, with the annotators a summary reads (publication date, dates, figures) appended when the
 * pipeline does not run them yet, so these tests see what `rasd summarize` will see once they are wired.
 */
export function summaryStages(): Stage[] {
  const stages = createStages();
  const have = new Set(stages.map((s) => s.name));
  for (const s of [publishedStage, datesStage, figuresStage]) if (!have.has(s.name)) stages.push(s);
  return stages;
}

export async function pagesToArticles(paths: readonly string[]): Promise<Article[]> {
  await loadHasher();
  const stages = summaryStages();
  const out: Article[] = [];
  for (const path of paths) {
    const bytes = new Uint8Array(readFileSync(path));
    out.push(await processDoc({ source: { path }, format: "text", bytes }, path, stages));
  }
  return out;
}

export function seedPaths(): string[] {
  return readdirSync(corpusPath("seeds"))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => corpusPath("seeds", f));
}
