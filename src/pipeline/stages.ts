import type { Stage } from "../core/stage.js";
import { extractStage } from "../extract/index.js";

/** What the stages of one run share: the reference time for relative dates, and (soon) the entity registry. */
export interface StageEnv {
  /** Reference time for relative expressions when the page gives none (default: none; the page's own date rules). */
  reference?: Date;
}

/**
 * The per-document stages, in the order of DESIGN.md's flow: extract → analyse → annotate. Cross-document work
 * (dedup, clustering, summaries) happens after storing, in ingest hooks and on demand.
 */
export function createStages(_env: StageEnv = {}): Stage[] {
  return [extractStage];
}
