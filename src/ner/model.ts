import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { singleWordNames } from "../annotate/entities/gazetteer/index.js";
import { projectRoot } from "../core/paths.js";
import { decode, type Scorer } from "./decode.js";
import { views, type FeatureContext } from "./features.js";
import { LABELS } from "./perceptron.js";

/**
 * The trained tagger as shipped: `src/ner/model/ner.json.gz`, written by `scripts/ner-train.ts` from NewsFANE.
 * Format: `{"version": 1, "labels": [...], "scale": 1000, "features": {"w=كارتر": [w_O, w_B-PER, …]}}` with
 * weights as integers (weight × scale); features whose weights are all near zero are left out.
 */

export const MODEL_FILE = join("src", "ner", "model", "ner.json.gz");

interface ModelJson {
  version: number;
  labels: string[];
  scale: number;
  features: Record<string, number[]>;
}

export class NerModel implements Scorer {
  private readonly table: Map<string, Float64Array>;

  constructor(table: Map<string, Float64Array>) {
    this.table = table;
  }

  get size(): number {
    return this.table.size;
  }

  scores(features: readonly string[]): Float64Array {
    const s = new Float64Array(LABELS.length);
    for (const f of features) {
      const w = this.table.get(f);
      if (w === undefined) continue;
      for (let k = 0; k < s.length; k++) s[k]! += w[k]!;
    }
    return s;
  }

  /**
   * Whether the training data saw `word` (folded) mostly outside names: its word feature votes O above every name
   * label. Patterns use it to keep common words (قسم، خسارة) out of names.
   */
  commonWord(word: string): boolean {
    const w = this.table.get(`w=${word}`);
    if (w === undefined) return false;
    let best = 0;
    for (let k = 1; k < w.length; k++) if (w[k]! > w[best]!) best = k;
    return best === 0 && w[0]! > 0;
  }

  /** BIO labels (`B-PER`, `I-ORG`, `O`…) for a sentence of folded words. */
  tag(words: readonly string[]): string[] {
    return decode(this, views(words, featureContext())).labels;
  }

  static fromJson(json: ModelJson): NerModel {
    if (json.version !== 1 || json.labels.join() !== LABELS.join()) {
      throw new Error("rasd: the NER model file does not match this version of rasd; run `npx tsx scripts/ner-train.ts`");
    }
    const table = new Map<string, Float64Array>();
    for (const [f, w] of Object.entries(json.features)) table.set(f, Float64Array.from(w, (x) => x / json.scale));
    return new NerModel(table);
  }

  /** The model as its file stores it, pruning weights below `minWeight` in absolute value. */
  static toJson(weights: ReadonlyMap<string, Float64Array>, minWeight = 0.002, scale = 1000): ModelJson {
    const features: Record<string, number[]> = {};
    for (const [f, w] of weights) {
      if (!w.some((x) => Math.abs(x) >= minWeight)) continue;
      features[f] = Array.from(w, (x) => Math.round(x * scale));
    }
    return { version: 1, labels: [...LABELS], scale, features };
  }
}

let ctx: FeatureContext | undefined;

export function featureContext(): FeatureContext {
  ctx ??= { gazetteer: singleWordNames() };
  return ctx;
}

let loaded: NerModel | null | undefined;

/** Replaces the shipped model for this process (evaluation trains its own on part of the data). */
export function useNerModel(model: NerModel | null): void {
  loaded = model;
}

/** The shipped model, loaded once; null when the file is missing (the recogniser then works from rules alone). */
export function loadNerModel(): NerModel | null {
  if (loaded !== undefined) return loaded;
  const path = join(projectRoot(), MODEL_FILE);
  loaded = existsSync(path) ? NerModel.fromJson(JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")) as ModelJson) : null;
  return loaded;
}
