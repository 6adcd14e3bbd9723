import type { Stage } from "../core/stage.js";
import { EntityRegistry, createEntitiesStages } from "../annotate/entities/index.js";
import { datesStage } from "../annotate/dates/index.js";
import { figuresStage } from "../annotate/figures/index.js";
import { publishedStage } from "../annotate/published/index.js";
import { quotesStage } from "../annotate/quotes/index.js";
import { extractStage } from "../extract/stage.js";
import { createAnalysisStages } from "../cluster/analysis-stage.js";

/** What the stages of one run share. */
export interface StageEnv {
  /**
   * The entity registry: every article of the run links its names to it, so one entity has one id under all its
   * spellings, across articles. Ingest passes the store's registry; a fresh one is made otherwise.
   */
  registry?: EntityRegistry;
}

/**
 * The per-document stages, in the order of DESIGN.md's flow: extract (blocks, languages, metadata) → annotate:
 * the publication date first (relative dates resolve against it), then dates and figures, then entities and quotes
 * (whose speakers are entities). Cross-document work (dedup, clustering, summaries) happens
 * after storing, in ingest hooks and on demand.
 */
export function createStages(env: StageEnv = {}): Stage[] {
  const parts = createStageParts(env);
  return [...parts.parallel, ...parts.shared];
}

/**
 * The same stages in two parts: `parallel` needs nothing but the document (extraction, dates, figures, entity
 * recognition: nearly all of the cost); `shared` reads and grows the registry that every article of the store
 * links to (entity linking, then the quotes whose speakers are the linked entities). Workers run the first part
 * concurrently and the second one batch at a time, in queue order (pipeline/store-batch.ts).
 */
export function createStageParts(env: StageEnv = {}): { parallel: Stage[]; shared: Stage[] } {
  const entities = createEntitiesStages(env.registry ?? new EntityRegistry());
  return {
    parallel: [extractStage, publishedStage, datesStage, figuresStage, entities.recognise],
    shared: [entities.link, quotesStage],
  };
}

/**
 * The stages of a pipeline that stores (ingest, watch, workers): createStageParts, plus the analysis the storing
 * hooks need (search and clustering terms, the dedup identity), made last in `parallel` so that the stage threads
 * make it, and received first in `shared` (cluster/analysis-stage.ts). A pipeline that does not store (extract)
 * leaves it out: nothing would read it.
 */
export function storeStageParts(env: StageEnv = {}): { parallel: Stage[]; shared: Stage[] } {
  const parts = createStageParts(env);
  const analysis = createAnalysisStages();
  return { parallel: [...parts.parallel, analysis.analyse], shared: [analysis.receive, ...parts.shared] };
}
