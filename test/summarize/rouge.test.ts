import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { rougeJackknife, rougeMulti, rougeN, rougeTokens } from "../../src/summarize/rouge.js";

const close = (got: number, want: number, what: string) =>
  assert.ok(Math.abs(got - want) < 1e-12, `${what}: ${got} ≠ ${want}`);
const words = (s: string) => s.split(" ");

describe("ROUGE", () => {
  test("the strict ruler splits at every non-letter, non-digit and folds nothing", () => {
    assert.deepEqual(rougeTokens("قالت الخارجيةُ، أمس: (وكالة) نسبة 3.5% — Reuters", "strict"), [
      "قالت",
      "الخارجيةُ",
      "أمس",
      "وكالة",
      "نسبة",
      "3",
      "5",
      "reuters",
    ]);
    // The rasd ruler folds hamza seats and ta marbuta, so these two spellings are one token there and two here.
    assert.notDeepEqual(rougeTokens("أمس", "strict"), rougeTokens("امس", "strict"));
    assert.deepEqual(rougeTokens("أمس"), rougeTokens("امس"));
  });

  test("counts are clipped: an n-gram matches at most as often as the model has it", () => {
    const r = rougeN(words("a a a a"), words("a b"), 1);
    close(r.recall, 1 / 2, "recall");
    close(r.precision, 1 / 4, "precision");
  });

  test("two models: jackknifed, each subset pooled (worked by hand)", () => {
    const r = rougeJackknife(words("a b c d"), [words("a b x"), words("a b c")], 1);
    // Leave out the first model: 3/3 recall, 3/4 precision; leave out the second: 2/3 and 2/4.
    close(r.recall, (1 + 2 / 3) / 2, "recall");
    close(r.precision, (3 / 4 + 2 / 4) / 2, "precision");
    close(r.f1, (6 / 7 + 4 / 7) / 2, "f1");
  });

  test("three models: hits and counts pooled over the two kept, then averaged", () => {
    const r = rougeJackknife(words("a b c d"), [words("a b x"), words("a b c"), words("d d d")], 1);
    close(r.recall, (4 / 6 + 3 / 6 + 5 / 6) / 3, "recall");
    close(r.precision, (4 / 8 + 3 / 8 + 5 / 8) / 3, "precision");
  });

  test("ROUGE-2 counts word pairs; a summary equal to its one model scores 1", () => {
    const model = words("a b c d");
    const same = rougeJackknife(model, [model], 2);
    assert.deepEqual(same, { recall: 1, precision: 1, f1: 1 });
    const shuffled = rougeN(words("d c b a"), model, 2);
    assert.equal(shuffled.recall, 0);
  });

  test("averaging over models (the rasd ruler) is the mean of the single-model scores", () => {
    const r = rougeMulti("a b c d", ["a b x", "a b c"], 1);
    close(r.recall, (2 / 3 + 1) / 2, "recall");
  });
});
