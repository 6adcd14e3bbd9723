import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { corpusPath } from "../../src/core/paths.js";
import { normalize, normalizer, STRENGTHS } from "../../src/analysis/ar/index.js";
import type { NormalizeOptions } from "../../src/analysis/ar/index.js";

const cp = (...codes: number[]): string => String.fromCharCode(...codes);

// One named test per fold: on, the character folds; off, it stays.
const FOLDS: Array<[keyof NormalizeOptions, string, string]> = [
  ["alef", cp(0x622, 0x623, 0x625), "ااا"],
  ["alefWasla", cp(0x671), "ا"],
  ["alefMaksura", cp(0x628, 0x646, 0x649), "بني"],
  ["tehMarbuta", cp(0x641, 0x627, 0x637, 0x645, 0x629), "فاطمه"],
  ["tatweel", cp(0x631, 0x640, 0x640, 0x62a), "رت"],
  ["harakat", cp(0x645, 0x64e, 0x628, 0x652, 0x646, 0x651), "مبن"],
  ["marks", cp(0x647, 0x670, 0x630, 0x627, 0x655), "هذا"],
  ["joiners", cp(0x645, 0x200c, 0x646, 0x200d), "من"],
  ["invisibles", cp(0x200f, 0x645, 0x200b, 0x646, 0xfeff, 0xad), "من"],
  ["persian", cp(0x6cc, 0x6a9, 0x6be), "يكه"],
  ["digits", cp(0x663, 0x66b, 0x665, 0x66a, 0x20, 0x6f1, 0x6f2), "3.5% 12"],
  ["presentation", cp(0xfefb), "لا"],
  ["lowercase", "CNN Ünal", "cnn ünal"],
  [
    "hamzaSeats",
    cp(0x645, 0x624, 0x62a, 0x645, 0x631, 0x20, 0x631, 0x626, 0x64a, 0x633, 0x20, 0x633, 0x645, 0x627, 0x621),
    "مءتمر رءيس سماء",
  ],
  ["doubling", "فيلليب", "فيليب"],
  ["elongation", "كتييير", "كتير"],
];

for (const [fold, input, expected] of FOLDS) {
  test(`fold ${fold}: on folds, off keeps`, () => {
    assert.equal(normalize(input, { [fold]: true }), expected);
    assert.equal(normalize(input, {}), input);
  });
}

test("strengths nest: display ⊂ search ⊂ identity", () => {
  for (const [k, v] of Object.entries(STRENGTHS.display))
    if (v) assert.equal(STRENGTHS.search[k as keyof NormalizeOptions], true, k);
  for (const [k, v] of Object.entries(STRENGTHS.search))
    if (v) assert.equal(STRENGTHS.identity[k as keyof NormalizeOptions], true, k);
});

test("display keeps harakat and letter shapes, drops tatweel and invisibles", () => {
  const s = cp(0x623, 0x64e, 0x62d, 0x640, 0x645, 0x64e, 0x62f, 0x200f, 0x629);
  assert.equal(normalize(s, "display"), cp(0x623, 0x64e, 0x62d, 0x645, 0x64e, 0x62f, 0x629));
});

test("identity folds the spellings of one name together", () => {
  const key = normalizer("identity");
  assert.equal(key("مسؤول"), key("مسئول"));
  assert.equal(key("فيلليب"), key("فيليب"));
  assert.equal(key("إسرائيل"), key("اسرائيل"));
});

test("unchanged text is returned as is", () => {
  const s = "كتب الطالب";
  assert.equal(normalize(s, "search"), s);
});

test("unknown strength is a clear error", () => {
  assert.throws(() => normalize("x", "loud" as "search"), /unknown strength "loud"/);
});

function readTsv(path: string): string[][] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.length > 0 && !l.startsWith("#"))
    .slice(1)
    .map((l) => l.split("\t"));
}

// CAMeL Tools' normalisation cases, each where the matching fold is on.
const CAMEL: Record<string, NormalizeOptions> = {
  normalize_alef_ar: { alef: true },
  normalize_alef_maksura_ar: { alefMaksura: true },
  normalize_teh_marbuta_ar: { tehMarbuta: true },
  normalize_unicode: { presentation: true },
  remove_elongation_ar: { elongation: true },
};

test("CAMeL Tools normalisation conformance", () => {
  const rows = readTsv(corpusPath("conformance", "camel_tools", "normalize_tests.tsv"));
  assert.ok(rows.length >= 9);
  for (const [, fn, input = "", expected = ""] of rows) {
    const opts = CAMEL[fn!];
    assert.ok(opts, `no fold mapped for ${fn}`);
    assert.equal(normalize(input, opts), expected, `${fn}: ${input}`);
  }
});

const arabicish = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x600, max: 0x6ff }), fc.integer({ min: 0, max: 0xffff }))
    .map((c) => String.fromCharCode(c)),
});

test("property: every strength is idempotent", () => {
  for (const strength of ["display", "search", "identity"] as const) {
    const f = normalizer(strength);
    fc.assert(
      fc.property(arabicish, (s) => f(f(s)) === f(s)),
      { numRuns: 2000 },
    );
  }
});

test("property: search never leaves a haraka, tatweel, hamzated alef or Arabic-Indic digit", () => {
  const f = normalizer("search");
  fc.assert(
    fc.property(arabicish, (s) => !/[\u064B-\u0652\u0640\u0622\u0623\u0625\u0649\u0629\u0660-\u0669]/u.test(f(s))),
    { numRuns: 2000 },
  );
});

test("malformed input: lone surrogates, controls, a 10 MB line, mixed scripts", () => {
  const bad = "\uD800أحمد\uDC00\u0000\u0007 ﻷ 日本 😀 \uFEFFCNN";
  for (const s of ["display", "search", "identity"] as const) assert.equal(typeof normalize(bad, s), "string");
  assert.equal(normalize("\uD800", "search"), "\uD800");
  const big = "أحمد ".repeat(2_000_000);
  const t0 = Date.now();
  assert.equal(normalize(big, "identity").length, big.length);
  assert.ok(Date.now() - t0 < 10_000);
});
