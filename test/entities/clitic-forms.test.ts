import assert from "node:assert/strict";
import { test } from "node:test";
import { cliticForms, hasCliticForm } from "../../src/annotate/entities/text.js";

/** Words over the letters the clitic rules look at (و ف ب ل ك and ال), from a seeded generator, so a failure repeats. */
function words(n: number): string[] {
  const letters = ["و", "ف", "ب", "ل", "ك", "ا", "س", "ر", "ي", "ت"];
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, () =>
    Array.from({ length: 1 + Math.floor(next() * 7) }, () => letters[Math.floor(next() * letters.length)]!).join(""),
  );
}

test("hasCliticForm answers as cliticForms(w).some(form in set) does, on every word and lexicon tried", () => {
  const all = words(4000);
  for (const lexicon of [
    new Set(all.slice(0, 50)),
    new Set(all.slice(100, 1100)),
    new Set(["الاسد", "واشنطن", "سر"]),
  ]) {
    for (const w of all)
      assert.equal(
        hasCliticForm(w, lexicon),
        cliticForms(w).some((f) => lexicon.has(f.form)),
        w,
      );
  }
  assert.ok(hasCliticForm("للاسد", new Set(["الاسد"])), "للأسد is الأسد with a swallowed ل");
  assert.ok(hasCliticForm("بواشنطن", new Set(["واشنطن"])));
  assert.ok(!hasCliticForm("واشنطن", new Set(["شنطن"])));
});
