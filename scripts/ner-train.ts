/**
 * Trains the NER tagger from ../shared/corpus/ner/newsfane and writes src/annotate/entities/tagger/model/ner.bin.gz.
 *   npx tsx scripts/ner-train.ts [--epochs N]
 * All of NewsFANE is used (scripts/ner-eval.ts holds a fifth out, by document, to measure). Deterministic: same data, same model.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { corpusPath, projectRoot } from "../src/core/paths.js";
import { featureContext, MODEL_FILE, NerModel } from "../src/annotate/entities/tagger/model.js";
import { joinConjunctions, readNewsfane } from "../src/annotate/entities/tagger/newsfane.js";
import { train } from "../src/annotate/entities/tagger/train.js";

const { values } = parseArgs({ options: { epochs: { type: "string", default: "8" } } });
const data = readNewsfane(corpusPath("ner", "newsfane", "NewsFANE_Gold_2014_dev.tsv")).map((s) => joinConjunctions(s));
const t0 = performance.now();
const model = train(data, featureContext(), {
  epochs: Number(values.epochs),
  log: (l) => process.stderr.write(`${l}\n`),
});
const shipped = NerModel.fromWeights(model.weights);
const bytes = gzipSync(shipped.toBytes(), { level: 9 });
writeFileSync(join(projectRoot(), MODEL_FILE), bytes);
process.stderr.write(
  `trained on ${data.length} sentences in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
    `${shipped.size} features, ${(bytes.length / 1e6).toFixed(2)} MB -> ${MODEL_FILE}\n`,
);
