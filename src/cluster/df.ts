import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { projectRoot } from "../core/paths.js";
import { KeyCounts } from "./key-counts.js";
import { termKey } from "./vector.js";

/**
 * Background document frequencies of analysed terms, so that a handful of articles (five seed pages) already know
 * that تنظيم or وزير say little and بروكسل or إنجرليك say much. Written by `bench/cluster-df.ts` from the two news
 * streams (term counts only, no text), shipped as `src/cluster/model/df.json.gz`. The store's own counts are added
 * on top as articles arrive (`DocFreq.observe`), so a deployment adapts to its own news.
 */
export const DF_FILE = join("src", "cluster", "model", "df.json.gz");

export interface DfModel {
  /** Documents counted. */
  n: number;
  df: Record<string, number>;
}

let cached: DfModel | undefined;

export function loadDfModel(): DfModel {
  if (cached) return cached;
  try {
    cached = JSON.parse(gunzipSync(readFileSync(join(projectRoot(), DF_FILE))).toString("utf8")) as DfModel;
  } catch {
    // Without the model the running counts alone decide; clustering still works, less well on tiny inputs.
    cached = { n: 0, df: {} };
  }
  return cached;
}

export interface DocFreqState {
  seen: number;
  added: [number, number][];
}

/** The background counts of one model: a fresh table to count on, or the shared one (read only) to compare with. */
const backgrounds = new WeakMap<DfModel, KeyCounts>();
function backgroundCounts(model: DfModel, fresh: boolean): KeyCounts {
  const shared = backgrounds.get(model);
  if (!fresh && shared) return shared;
  const entries = Object.entries(model.df);
  const counts = new KeyCounts(entries.length * 4);
  for (const [t, n] of entries) counts.add(termKey(t), n);
  if (!fresh) backgrounds.set(model, counts);
  return counts;
}

/** Inverse document frequency over background plus observed documents: ln(1 + N / (df + 1)). */
export class DocFreq {
  /**
   * Term key → background plus observed document count, in one table keyed by `termKey` (an article's ~200
   * distinct terms are each counted and then weighed; see KeyCounts for why not a Map of strings). The idf is
   * computed from the count each time: a logarithm is cheaper than a lookup.
   */
  private readonly counts: KeyCounts;
  private readonly baseN: number;
  private seenN = 0;
  private readonly model: DfModel;

  constructor(model: DfModel = loadDfModel()) {
    this.model = model;
    this.counts = backgroundCounts(model, true);
    this.baseN = model.n;
  }

  /**
   * What observing added to the background, exactly (a checkpoint, src/cluster/snapshot.ts): the documents, and each
   * term key's count above its background count. The background itself is the shipped model, not checkpointed.
   */
  exportState(): DocFreqState {
    const bg = backgroundCounts(this.model, false);
    const added: [number, number][] = [];
    for (const [k, n] of this.counts.entries()) {
      const d = n - bg.get(k);
      if (d !== 0) added.push([k, d]);
    }
    return { seen: this.seenN, added };
  }

  /** Applies a checkpoint's counts to this (fresh) table. */
  importState(s: DocFreqState): void {
    this.seenN = s.seen;
    for (const [k, d] of s.added) this.counts.add(k, d);
  }

  /**
   * Counts one document holding `terms` (distinct); returns each term's idf after counting, in order, so that the
   * caller weighing the same terms does not look each one up again.
   */
  observe(terms: readonly string[]): Float64Array {
    this.seenN++;
    const n = this.baseN + this.seenN + 1;
    const idfs = new Float64Array(terms.length);
    for (let i = 0; i < terms.length; i++) idfs[i] = Math.log(1 + n / (this.counts.add(termKey(terms[i]!), 1) + 1));
    return idfs;
  }

  /** Counts observed elsewhere (another worker's batch): `docs` documents, each term with its document count. */
  observeCounts(counts: Iterable<readonly [string, number]>, docs: number): void {
    this.seenN += docs;
    for (const [t, k] of counts) this.counts.add(termKey(t), k);
  }

  idf(term: string): number {
    return Math.log(1 + (this.baseN + this.seenN + 1) / (this.counts.get(termKey(term)) + 1));
  }

  /** Documents behind the counts. */
  get documents(): number {
    return this.baseN + this.seenN;
  }
}
