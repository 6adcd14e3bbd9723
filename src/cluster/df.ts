import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { projectRoot } from "../core/paths.js";

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

/** A term's document count (background plus observed), mutable in place so that counting costs one lookup. */
interface Count {
  n: number;
}

/** Inverse document frequency over background plus observed documents: ln(1 + N / (df + 1)). */
export class DocFreq {
  /**
   * Term → background plus observed document count, in one table: an article's ~200 distinct terms are each
   * counted and then weighed, and one lookup in a table of a few hundred thousand terms (a cache miss or two) is
   * most of what either costs. The idf is computed from the count each time: a logarithm is cheaper than a lookup.
   */
  private readonly counts = new Map<string, Count>();
  private readonly baseN: number;
  private seenN = 0;

  constructor(model: DfModel = loadDfModel()) {
    for (const [t, n] of Object.entries(model.df)) this.counts.set(t, { n });
    this.baseN = model.n;
  }

  observe(terms: Iterable<string>): void {
    this.seenN++;
    for (const t of terms) this.bump(t, 1);
  }

  /** Counts observed elsewhere (another worker's batch): `docs` documents, each term with its document count. */
  observeCounts(counts: Iterable<readonly [string, number]>, docs: number): void {
    this.seenN += docs;
    for (const [t, k] of counts) this.bump(t, k);
  }

  private bump(t: string, k: number): void {
    const c = this.counts.get(t);
    if (c === undefined) this.counts.set(t, { n: k });
    else c.n += k;
  }

  idf(term: string): number {
    const df = this.counts.get(term)?.n ?? 0;
    return Math.log(1 + (this.baseN + this.seenN + 1) / (df + 1));
  }

  /** Documents behind the counts. */
  get documents(): number {
    return this.baseN + this.seenN;
  }
}
