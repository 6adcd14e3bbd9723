import { fold } from "../text.js";
import { START, tagKeys, tokenKeys, views, type FeatureContext } from "./features.js";
import { LABELS, labelIndex, Perceptron } from "./perceptron.js";
import type { Sentence } from "./newsfane.js";

/** Options of `train`: `epochs` (default 8, 1–50) passes over the data, shuffled by a fixed seed each time. */
export interface TrainOptions {
  epochs?: number;
  seed?: number;
  log?: (line: string) => void;
}

/**
 * Trains the averaged perceptron greedily, as it will decode: each token sees the tags the model itself chose for
 * the tokens before it (so it learns to recover from its own mistakes), and is updated at once.
 */
export function train(data: readonly Sentence[], ctx: FeatureContext, opts: TrainOptions = {}): Perceptron {
  const model = new Perceptron();
  const prepared = data.map((s) => ({ v: views(s.words.map(fold), ctx), gold: s.tags.map(labelIndex) }));
  let seed = opts.seed ?? 7;
  const order = prepared.map((_, i) => i);
  for (let epoch = 0; epoch < (opts.epochs ?? 8); epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let wrong = 0;
    for (const idx of order) {
      const { v, gold } = prepared[idx]!;
      const tags: number[] = [];
      for (let i = 0; i < v.length; i++) {
        const f = [...tokenKeys(v, i), ...tagKeys(tags[i - 1] ?? START, tags[i - 2] ?? START, v[i]!)];
        const s = model.scores(f);
        let guess = 0;
        for (let k = 1; k < LABELS.length; k++) if (s[k]! > s[guess]!) guess = k;
        model.update(f, gold[i]!, guess);
        if (guess !== gold[i]) wrong++;
        tags.push(guess);
      }
    }
    opts.log?.(`epoch ${epoch + 1}: ${wrong} token errors`);
  }
  model.finish();
  return model;
}
