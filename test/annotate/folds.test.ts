// A module's fold is the normaliser's named strength (#17): the grammars and the name lexicons match exactly what
// the normaliser folds, so a lexicon written once works everywhere and a fold added to the normaliser reaches them.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { normalize } from "../../src/analysis/ar/normalize.js";
import { fold as grammarFold } from "../../src/annotate/text/tokens.js";
import { fold as nameFold, NAME_FOLDS } from "../../src/annotate/entities/text.js";

// Arabic letters and marks, presentation forms, Persian letters and digits, Latin, invisibles: what the folds touch.
const RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xc0, 0xff],
  [0x0600, 0x06ff],
  [0x08a0, 0x08ff],
  [0x200b, 0x200f],
  [0xfb50, 0xfbff],
  [0xfe70, 0xfefc],
];
const char = fc.oneof(...RANGES.map(([a, b]) => fc.integer({ min: a, max: b }).map((c) => String.fromCharCode(c))));
// Few characters, so that runs (elongation: كتييير) and folds meeting in a run (أاا) come up often.
const few = fc.constantFrom(
  "ا",
  "أ",
  "إ",
  "ي",
  "ى",
  "ة",
  "ه",
  "ب",
  "\u064e",
  "\u0640",
  "a",
  "A",
  "1",
  "١",
  "ﻻ",
  "ی",
  "!",
);
const text = fc.oneof(
  fc.array(char, { maxLength: 24 }).map((cs) => cs.join("")),
  fc.array(few, { maxLength: 12 }).map((cs) => cs.join("")),
);

test("the date and figure grammars fold with the normaliser's search strength", () => {
  fc.assert(
    fc.property(text, (s) => grammarFold(s) === normalize(s, "search")),
    { numRuns: 3000 },
  );
});

test("the entity lexicons fold with the search strength plus hamza seats (NAME_FOLDS)", () => {
  assert.equal(NAME_FOLDS.hamzaSeats, true);
  fc.assert(
    fc.property(text, (s) => nameFold(s) === normalize(s, NAME_FOLDS)),
    { numRuns: 3000 },
  );
});
