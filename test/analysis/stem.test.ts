import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { analyzeTerms, analyzeWithOffsets, stem, rasdStem, normalize } from "../../src/analysis/ar/index.js";

const rasd = (w: string): string => stem(w, "rasd");

test("rasd keeps a first letter that belongs to the word (Lucene and Snowball strip it)", () => {
  for (const w of ["وزير", "بغداد", "فرنسا", "واشنطن", "كارتر"]) {
    assert.equal(rasd(w)[0], w[0], `${w} → ${rasd(w)}`);
  }
  assert.equal(stem("وزير", "lucene"), "زير");
  assert.equal(stem("بغداد", "snowball"), "غداد");
});

test("rasd: stacked proclitics give one stem", () => {
  const forms = ["الولايات", "والولايات", "للولايات", "وبالولايات", "فالولايات", "ولايات"];
  const stems = new Set(forms.map(rasd));
  assert.equal(stems.size, 1, [...stems].join(" "));
});

test("rasd: a protected word keeps its letter behind real proclitics too", () => {
  assert.equal(rasd("وبغداد"), rasd("بغداد"));
  assert.equal(rasd("ولواشنطن"), rasd("واشنطن"));
  assert.equal(rasd("الوزير"), rasd("وزير"));
});

// One named test per prefix.
const PREFIXES: Array<[string, string, string]> = [
  ["ال", "الكتاب", "كتاب"],
  ["وال", "والكتاب", "كتاب"],
  ["فال", "فالكتاب", "كتاب"],
  ["بال", "بالكتاب", "كتاب"],
  ["كال", "كالكتاب", "كتاب"],
  ["لل", "للكتاب", "كتاب"],
  ["وبال", "وبالكتاب", "كتاب"],
  ["وكال", "وكالكتاب", "كتاب"],
  ["ولل", "وللكتاب", "كتاب"],
  ["و", "وكتاب", "كتاب"],
  ["ف", "فكتاب", "كتاب"],
  ["ب", "بكتاب", "كتاب"],
  ["ل", "لكتاب", "كتاب"],
  ["وب", "وبكتاب", "كتاب"],
];
for (const [name, input, expected] of PREFIXES) {
  test(`rasd prefix ${name}`, () => assert.equal(rasd(input), expected));
}

// One named test per suffix (the stem of كاتب/مدرس, a word long enough for every suffix).
const SUFFIXES: Array<[string, string, string]> = [
  ["ها", "كتابها", "كتاب"],
  ["هما", "كتابهما", "كتاب"],
  ["هم", "كتابهم", "كتاب"],
  ["هن", "كتابهن", "كتاب"],
  ["ات", "مدرسات", "مدرس"],
  ["ون", "مدرسون", "مدرس"],
  ["ين", "مدرسين", "مدرس"],
  ["ية", "مدرسية", "مدرس"],
  ["ة", "مدرسة", "مدرس"],
  ["ه", "كتابه", "كتاب"],
  ["ي", "مدرسي", "مدرس"],
  ["ا (accusative)", "كتابا", "كتاب"],
  ["وا (verb plural)", "كتبوا", "كتب"],
];
for (const [name, input, expected] of SUFFIXES) {
  test(`rasd suffix ${name}`, () =>
    assert.equal(rasdStem(normalize(input, "search"), { variantFold: false }), expected));
}

test("rasd: the dual ان is not stripped, names ending in it stay whole", () => {
  for (const w of ["لبنان", "إيران", "البرلمان"]) assert.ok(rasd(w).endsWith("ان"), `${w} → ${rasd(w)}`);
  assert.equal(stem("لبنان", "lucene"), "لبن");
});

test("rasd: short stems are left alone (3 letters remain at least)", () => {
  for (const w of ["علي", "وقت", "بلد", "كتب"]) assert.equal(rasd(w), normalize(w, "search"), w);
});

test("rasd: country, nisba and plural meet; spelling variants meet", () => {
  const s = new Set(["أمريكا", "الأمريكي", "الأمريكية", "الأمريكيين", "الأميركي", "الأميركية"].map(rasd));
  assert.equal(s.size, 1, [...s].join(" "));
  assert.equal(rasd("تلفزيون"), rasd("تليفزيون"));
});

test("rasd: Latin words and numbers pass folded, unstemmed", () => {
  assert.deepEqual(analyzeTerms("CNN و Reuters ٢٠١٥"), ["cnn", "reuters", "2015"]);
});

test("analyzeTerms: stopwords out, same analysis at index and query time", () => {
  const terms = analyzeTerms("وقال إن وزير الخارجية في بغداد");
  assert.deepEqual(terms, [rasd("وزير"), rasd("الخارجية"), rasd("بغداد")]);
  assert.deepEqual(analyzeTerms("في من إلى على"), []);
});

test("analyzeTerms per scheme", () => {
  assert.deepEqual(analyzeTerms("الوزير", { scheme: "none" }), ["الوزير"]);
  assert.deepEqual(analyzeTerms("الوزير", { scheme: "lucene" }), ["وزير"]);
  assert.deepEqual(analyzeTerms("الوزير", { scheme: "snowball" }), ["وزير"]);
});

test("analyzeWithOffsets points back at the source token", () => {
  const text = "زار الوزير #قمة_الرياض";
  for (const t of analyzeWithOffsets(text)) assert.ok(text.slice(t.start, t.end).length > 0);
  const hashtagTerms = analyzeWithOffsets(text).slice(2);
  assert.deepEqual(
    hashtagTerms.map((t) => text.slice(t.start, t.end)),
    ["قمة", "الرياض"],
  );
});

const arabicWord = fc.string({
  unit: fc.integer({ min: 0x621, max: 0x64a }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 12,
});

test("property: rasd stems are non-empty, no longer than the folded word, and made of its letters", () => {
  fc.assert(
    fc.property(arabicWord, (w) => {
      const f = normalize(w, "search");
      const s = rasdStem(f);
      if (f.length === 0) return s === "";
      return s.length > 0 && s.length <= f.length && [...s].every((c) => f.includes(c));
    }),
    { numRuns: 5000 },
  );
});

test("property: every scheme's analysis never throws on any string", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 100 }), (s) => {
      for (const scheme of ["rasd", "lucene", "snowball", "none"] as const) analyzeTerms(s, { scheme });
      return true;
    }),
    { numRuns: 1000 },
  );
});
