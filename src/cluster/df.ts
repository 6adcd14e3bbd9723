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

  constructor(model: DfModel = loadDfModel()) {
    const entries = Object.entries(model.df);
    this.counts = new KeyCounts(entries.length * 4);
    for (const [t, n] of entries) this.counts.add(termKey(t), n);
    this.baseN = model.n;
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
