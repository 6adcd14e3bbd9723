import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeTerms } from "../../src/analysis/ar/analyze.js";
import { memoTerms } from "../../src/analysis/ar/memo.js";

// Words of our own, combined at random: the memo must answer what the analyser answers, before and after it has
// dropped older texts to stay within its budget.
const WORDS = [
  "المدينة",
  "والمدينة",
  "وزير",
  "الوزراء",
  "يناير",
  "2016",
  "مليون",
  "دولار",
  "قال",
  "في",
  "على",
  "التحالف",
];

function randomText(seed: number, words: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length] as string);
  }
  return out.join(" ");
}

test("memoTerms answers analyzeTerms, also once older texts were dropped for its budget", () => {
  const first = randomText(1, 400);
  assert.deepEqual(memoTerms(first), analyzeTerms(first));
  assert.equal(memoTerms(first), memoTerms(first), "a remembered text gives the same array back");
  // Well over the memo's budget (4 M characters): the first text is dropped and analysed afresh, with equal terms.
  for (let i = 2; i < 1200; i++) memoTerms(`${randomText(i, 800)} ${i}`);
  const again = memoTerms(first);
  assert.deepEqual(again, analyzeTerms(first));
  const big = randomText(99, 900_000);
  assert.deepEqual(memoTerms(big), analyzeTerms(big), "a text over the whole budget is still answered");
  assert.equal(memoTerms(big), memoTerms(big), "and kept for its second use");
});
