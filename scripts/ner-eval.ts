/**
 * Measures NER on NewsFANE with its fine types mapped to person / organisation / place: trains on nine tenths of the
 * sentences (every sentence whose index is not a multiple of 10) and scores exact spans on the tenth held out, both
 * as NewsFANE writes it (و apart) and with و joined to the next word as news text writes it.
 *   npx tsx scripts/ner-eval.ts [--epochs N]
 */
import { parseArgs } from "node:util";
import { corpusPath } from "../src/core/paths.js";
import { fold } from "../src/annotate/entities/text.js";
import { decode } from "../src/ner/decode.js";
import { views } from "../src/ner/features.js";
import { featureContext } from "../src/ner/model.js";
import { joinConjunctions, readNewsfane } from "../src/ner/newsfane.js";
import { formatScores, scoreSpans } from "../src/ner/score.js";
import { train } from "../src/ner/train.js";

const { values } = parseArgs({ options: { epochs: { type: "string", default: "8" } } });
const all = readNewsfane(corpusPath("ner", "newsfane", "NewsFANE_Gold_2014_dev.tsv"));
const trainSet = all.filter((_, i) => i % 10 !== 0).map((s) => joinConjunctions(s));
const testSet = all.filter((_, i) => i % 10 === 0);
const ctx = featureContext();
const model = train(trainSet, ctx, { epochs: Number(values.epochs) });

for (const [name, set] of [
  ["as written (و apart)", testSet],
  ["و joined", testSet.map((s) => joinConjunctions(s, 1))],
] as const) {
  const t0 = performance.now();
  const predicted = set.map((s) => decode(model, views(s.words.map(fold), ctx)).labels);
  const ms = performance.now() - t0;
  const tokens = set.reduce((n, s) => n + s.words.length, 0);
  console.log(`\nNewsFANE held-out tenth, ${name}: ${set.length} sentences, ${tokens} tokens, ${Math.round(tokens / (ms / 1000))} tokens/s`);
  console.log(formatScores(scoreSpans(set.map((s) => s.tags), predicted)));
}
