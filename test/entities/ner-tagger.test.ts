import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { tokenize } from "../../src/annotate/entities/text.js";
import { corpusPath } from "../../src/core/paths.js";
import { START, tagKeys, tokenKeys, views } from "../../src/annotate/entities/tagger/features.js";
import { featureContext, loadNerModel, NerModel } from "../../src/annotate/entities/tagger/model.js";
import { LABELS } from "../../src/annotate/entities/tagger/perceptron.js";

// The fast tagger (per-word cached sums, pair and tag features looked up per token) must label exactly as the plain
// definition: every feature of every token summed, greedy left to right, I- only after B-/I- of its type.

const model = loadNerModel();

function reference(m: NerModel, words: readonly string[]): string[] {
  const v = views(words, featureContext());
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const p1 = out[i - 1] ?? START;
    const s = new Array<number>(LABELS.length).fill(0);
    for (const key of [...tokenKeys(v, i), ...tagKeys(p1, out[i - 2] ?? START, v[i]!)]) {
      m.weightsOf(key)?.forEach((w, k) => (s[k]! += w));
    }
    let best = 0;
    for (let k = 1; k < s.length; k++) {
      const label = LABELS[k]!;
      const ok =
        !label.startsWith("I-") || (p1 < START && LABELS[p1] !== "O" && LABELS[p1]!.slice(2) === label.slice(2));
      if (ok && s[k]! > s[best]!) best = k;
    }
    out.push(best);
  }
  return out.map((k) => LABELS[k]!);
}

// Vocabulary: the folded words of the seed articles (read in place) and a few punctuation marks.
const seedDir = corpusPath("seeds");
const vocab = [
  ...new Set(
    readdirSync(seedDir)
      .filter((f) => f.endsWith(".txt"))
      .flatMap((f) => tokenize(readFileSync(`${seedDir}/${f}`, "utf8")).map((t) => t.norm)),
  ),
];

test("the shipped model loads and knows its features", () => {
  assert.ok(
    model !== null,
    "src/annotate/entities/tagger/model/ner.bin.gz is missing; run `npx tsx scripts/ner-train.ts`",
  );
  assert.ok(model.size > 10_000);
  assert.ok(vocab.length > 1000);
});

test("fast tagging equals the plain definition on random sentences", () => {
  assert.ok(model !== null);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...vocab), { minLength: 0, maxLength: 40 }), (words) => {
      assert.deepEqual(model.tag(words), reference(model, words));
    }),
    { numRuns: 400 },
  );
});

test("fast tagging equals the plain definition on the seed articles, sentence by sentence", () => {
  assert.ok(model !== null);
  let names = 0;
  for (const f of readdirSync(seedDir).filter((x) => x.endsWith(".txt"))) {
    for (const line of readFileSync(`${seedDir}/${f}`, "utf8").split(/[.!?؟\n]+/u)) {
      const words = tokenize(line).map((t) => t.norm);
      const got = model.tag(words);
      assert.deepEqual(got, reference(model, words), line);
      names += got.filter((l) => l.startsWith("B-")).length;
    }
  }
  assert.ok(names > 100, `only ${names} names tagged in the seeds`);
});

test("the model file round-trips", () => {
  assert.ok(model !== null);
  const copy = NerModel.fromBytes(model.toBytes());
  assert.equal(copy.size, model.size);
  const words = vocab.slice(0, 300);
  assert.deepEqual(copy.tag(words), model.tag(words));
  assert.throws(() => NerModel.fromBytes(Buffer.from("not a model")), /npx tsx scripts\/ner-train.ts/u);
});
