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

/** Inverse document frequency over background plus observed documents: ln(1 + N / (df + 1)). */
export class DocFreq {
  private readonly base: Map<string, number>;
  private readonly baseN: number;
  private readonly seen = new Map<string, number>();
  private seenN = 0;
  /**
   * idf values, computed once and kept until the document count has grown by 1% (a `Math.log` per term per
   * candidate was a tenth of the clustering time). Counts added in between change an idf by well under 1%.
   */
  private readonly memo = new Map<string, number>();
  private memoN = -1;

  constructor(model: DfModel = loadDfModel()) {
    this.base = new Map(Object.entries(model.df));
    this.baseN = model.n;
  }

  observe(terms: Iterable<string>): void {
    this.seenN++;
    for (const t of terms) this.seen.set(t, (this.seen.get(t) ?? 0) + 1);
  }

  /** Counts observed elsewhere (another worker's batch): `docs` documents, each term with its document count. */
  observeCounts(counts: Iterable<readonly [string, number]>, docs: number): void {
    this.seenN += docs;
    for (const [t, k] of counts) this.seen.set(t, (this.seen.get(t) ?? 0) + k);
  }

  idf(term: string): number {
    const n = this.baseN + this.seenN;
    if (n > this.memoN * 1.01 + 1 || this.memo.size > 500_000) {
      this.memo.clear();
      this.memoN = n;
    }
    let v = this.memo.get(term);
    if (v === undefined) {
      const df = (this.base.get(term) ?? 0) + (this.seen.get(term) ?? 0);
      v = Math.log(1 + (n + 1) / (df + 1));
      this.memo.set(term, v);
    }
    return v;
  }

  /** Documents behind the counts. */
  get documents(): number {
    return this.baseN + this.seenN;
  }
}
