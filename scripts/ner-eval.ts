/**
 * Measures NER on NewsFANE with its fine types mapped to person / organisation / place, on the fixed split by
 * document (splitNewsfane: blocks of 50 consecutive sentences, every fifth block checking): trains on the tuning part
 * and scores exact spans on the checking part, never read while writing rules:
 *   - the tagger alone, on the tokens as NewsFANE writes them (و apart) and with و joined as news text writes it;
 *   - the whole recogniser rasd runs (gazetteers + patterns + tagger), on the sentence as plain text.
 *   npx tsx scripts/ner-eval.ts [--epochs N]
 */
import { parseArgs } from "node:util";
import { corpusPath } from "../src/core/paths.js";
import { recognize } from "../src/annotate/entities/recognize.js";
import { fold, tokenize } from "../src/annotate/entities/text.js";
import { featureContext, NerModel, useNerModel } from "../src/annotate/entities/tagger/model.js";
import {
  joinConjunctions,
  readNewsfane,
  spans,
  splitNewsfane,
  type Sentence,
} from "../src/annotate/entities/tagger/newsfane.js";
import { formatScores, scoreSpans } from "../src/annotate/entities/tagger/score.js";
import { train } from "../src/annotate/entities/tagger/train.js";

const { values } = parseArgs({ options: { epochs: { type: "string", default: "8" } } });
const all = readNewsfane(corpusPath("ner", "newsfane", "NewsFANE_Gold_2014_dev.tsv"));
const split = splitNewsfane(all);
// NER_EVAL_ON=tuning studies errors without the checking part: the tuning part split again the same way, trained on
// four fifths of it and scored on the fifth.
const onTuning = process.env.NER_EVAL_ON === "tuning";
const inner = onTuning ? splitNewsfane(split.tuning) : split;
const trainSet = inner.tuning.map((s) => joinConjunctions(s));
const testSet = inner.checking;
const perceptron = train(trainSet, featureContext(), { epochs: Number(values.epochs) });
const model = NerModel.fromWeights(perceptron.weights);

function report(name: string, set: readonly Sentence[], predict: (s: Sentence) => string[]): void {
  const t0 = performance.now();
  const predicted = set.map(predict);
  const ms = performance.now() - t0;
  const tokens = set.reduce((n, s) => n + s.words.length, 0);
  console.log(`\n${name}: ${set.length} sentences, ${tokens} tokens, ${Math.round(tokens / (ms / 1000))} tokens/s`);
  console.log(
    formatScores(
      scoreSpans(
        set.map((s) => s.tags),
        predicted,
      ),
    ),
  );
}

const CODE = { person: "PER", organization: "ORG", place: "LOC", other: "" } as const;

/** The whole recogniser over the sentence as text; its mentions mapped back to NewsFANE's words. */
function viaRecognizer(s: Sentence): string[] {
  const starts: number[] = [];
  let text = "";
  for (const w of s.words) {
    starts.push(text.length);
    text += `${w} `;
  }
  const tokens = tokenize(text);
  const tags = s.words.map(() => "O");
  for (const m of recognize(text, tokens).mentions) {
    const code = CODE[m.type];
    if (code === "") continue;
    const a = tokens[m.from]!.start;
    const b = tokens[m.to - 1]!.end;
    let first = true;
    s.words.forEach((w, i) => {
      if (starts[i]! >= a && starts[i]! + w.length <= b) {
        tags[i] = `${first ? "B" : "I"}-${code}`;
        first = false;
      }
    });
  }
  return tags;
}

report(
  `tagger, NewsFANE ${onTuning ? "tuning part's own held-out fifth" : "checking part"}, as written (و apart)`,
  testSet,
  (s) => model.tag(s.words.map(fold)),
);
const joined = testSet.map((s) => joinConjunctions(s, 1));
report("tagger, و joined", joined, (s) => model.tag(s.words.map(fold)));
useNerModel(model);
report("whole recogniser (gazetteers + patterns + tagger), as written", testSet, viaRecognizer);
report("whole recogniser, و joined", joined, viaRecognizer);

if (process.env.NER_EVAL_ERRORS) {
  const type = process.env.NER_EVAL_ERRORS;
  let shown = 0;
  for (const s of testSet) {
    const p = viaRecognizer(s);
    const g = s.tags;
    const show = (tags: string[]) => tags.map((t, i) => (t.endsWith(type) ? `[${s.words[i]}]` : "")).join("");
    if (show(p) !== show(g) && shown++ < 40) console.log(`pred ${show(p)}\ngold ${show(g)}\n`);
  }
}

if (process.env.NER_EVAL_DIFF) {
  useNerModel(model);
  for (const s of testSet) {
    const t = model.tag(s.words.map(fold));
    const w = viaRecognizer(s);
    const gold = [...spans(s.tags)];
    const lost = gold.filter((g) => spansOf(t).has(g) && !spansOf(w).has(g));
    for (const g of lost) {
      const [, a, b] = g.split(":");
      const shown = (tags: string[]) =>
        [...spansOf(tags)]
          .filter((x) => {
            const [, c, d] = x.split(":");
            return Number(c) < Number(b) && Number(a) < Number(d);
          })
          .map((x) => {
            const [ty, c, d] = x.split(":");
            return `${ty}:${s.words.slice(Number(c), Number(d)).join(" ")}`;
          });
      console.log(`${g.split(":")[0]} ${s.words.slice(Number(a), Number(b)).join(" ")}  => ${shown(w).join(" | ")}`);
    }
  }
}
function spansOf(tags: string[]): Set<string> {
  return spans(tags);
}
