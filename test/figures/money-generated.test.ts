// Money generated from the grammar (#22): every ISO 4217 currency of the table by its Arabic name (noun in the
// singular, plural or accusative, qualifier in every agreement form), its abbreviation or its code, × numbers in
// digits, Arabic-Indic digits, digits with a scale word, or words up to the billions, × a sign. The expected value
// and code come from the generated parts.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { findFigures } from "../../src/annotate/figures/find.js";
import { CURRENCY_NAMES } from "../../src/annotate/figures/currency-names.js";
import { CURRENCY_NOUNS } from "../../src/annotate/figures/currencies.js";
import { fold } from "../../src/annotate/text/tokens.js";

// Names whose noun and first qualifier word name one currency only (two currencies may share a CLDR name, e.g. a
// withdrawn issue): those must read back as their code.
const seen = new Map<string, string[]>();
for (const [code, name] of CURRENCY_NAMES) seen.set(fold(name), [...(seen.get(fold(name)) ?? []), code]);
const NAMED = CURRENCY_NAMES.filter(([, name]) => name.includes(" ") && seen.get(fold(name))!.length === 1);
const ABBREVIATED = CURRENCY_NAMES.filter(([, , abbr]) => abbr !== "");

const UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"];
const TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"];
const HUNDREDS = ["", "مائة", "مائتان", "ثلاثمائة", "أربعمائة", "خمسمائة", "ستمائة", "سبعمائة", "ثمانمائة", "تسعمائة"];

/** 1–999 in words, the Arabic way (units before tens, joined by و). */
function below1000(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (h) parts.push(HUNDREDS[h]!);
  if (rest >= 11 && rest <= 19)
    parts.push(rest === 11 ? "أحد عشر" : rest === 12 ? "اثنا عشر" : `${UNITS[rest - 10]} عشر`);
  else if (rest) {
    const u = rest % 10;
    const t = Math.floor(rest / 10);
    parts.push([u ? UNITS[u] : "", t ? TENS[t] : ""].filter(Boolean).join(" و"));
  }
  return parts.join(" و");
}

const SCALES: Array<[number, string]> = [
  [1e9, "مليار"],
  [1e6, "مليون"],
  [1e3, "ألف"],
];
/** A number in words up to the billions: ثلاثة مليارات وخمسمائة مليون … */
function words(n: number): string {
  const parts: string[] = [];
  let rest = n;
  for (const [v, name] of SCALES) {
    const k = Math.floor(rest / v);
    rest %= v;
    if (k) parts.push(k === 1 ? name : `${below1000(k)} ${name}`);
  }
  if (rest) parts.push(below1000(rest));
  return parts.join(" و");
}

const indic = (s: string) => s.replace(/\d/g, (c) => "٠١٢٣٤٥٦٧٨٩"[Number(c)]!);

const number = fc.oneof(
  fc.integer({ min: 2, max: 999_999 }).map((n) => ({ text: String(n), value: n })),
  fc.integer({ min: 2, max: 999_999 }).map((n) => ({ text: indic(String(n)), value: n })),
  fc
    .record({ a: fc.integer({ min: 1, max: 99 }), f: fc.integer({ min: 1, max: 9 }), s: fc.constantFrom(...SCALES) })
    .map(({ a, f, s }) => ({ text: `${a}.${f} ${s[1]}`, value: Math.round((a + f / 10) * s[0]) })),
  fc.integer({ min: 11, max: 3_999_999_999 }).map((n) => ({ text: words(n), value: n })),
);

function only(text: string) {
  const figs = findFigures(text);
  assert.equal(figs.length, 1, `${text}: ${JSON.stringify(figs)}`);
  return figs[0]!;
}

test("every named currency × number form × qualifier agreement reads back as its code", () => {
  fc.assert(
    fc.property(fc.constantFrom(...NAMED), number, fc.boolean(), fc.boolean(), (row, n, definite, plural) => {
      const [code, name] = row;
      const [noun, ...qual] = name.split(" ");
      const forms = CURRENCY_NOUNS.get(fold(noun!));
      fc.pre(forms !== undefined);
      // The plural is the sound one for regular nouns; the feminine qualifier agrees with it.
      const nounText = plural && fold(noun!).endsWith("ه") ? noun!.slice(0, -1) + "ات" : noun!;
      const q = qual.map((w, k) => (k === 0 && definite && !w.startsWith("ال") ? "ال" + w : w)).join(" ");
      const text = `بلغت القيمة ${n.text} ${nounText} ${q} في نهاية العام`;
      const f = only(text);
      assert.equal(f.unit, code, text);
      assert.equal(f.value, n.value, text);
    }),
    { numRuns: 800 },
  );
});

test("Arabic abbreviations (د.ك. ج.م. ر.س. ل.ل. …) and ISO codes after the number, with a sign", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...ABBREVIATED),
      fc.integer({ min: 1, max: 99_999 }),
      fc.constantFrom("", "-", "\u2212"),
      fc.boolean(),
      (row, v, sign, useCode) => {
        const [code, , abbr] = row;
        const text = `سجل الرصيد ${sign}${v} ${useCode ? code : abbr} أمس`;
        const f = only(text);
        assert.equal(f.unit, code, text);
        assert.equal(f.value, sign ? -v : v, text);
      },
    ),
    { numRuns: 500 },
  );
});

test("subunits after an amount add their fraction; alone they count in their home currency", () => {
  assert.equal(only("دفع 3 دنانير كويتية و250 فلسا").value, 3.25);
  assert.equal(only("دفع 3 دنانير كويتية و250 فلسا").unit, "KWD");
  assert.equal(only("بلغ السعر 20 جنيها مصريا و50 قرشا").value, 20.5);
  assert.equal(only("ارتفع البرميل 80 سنتا").value, 0.8);
  assert.equal(only("رسوم قدرها 50 هللة").unit, "SAR");
});

test("ranges: the first end takes the unit and scale of the second; the ends are at least and at most", () => {
  fc.assert(
    fc.property(
      fc.constantFrom("بين {a} و{b}", "من {a} إلى {b}", "من {a} حتى {b}", "{a}-{b}"),
      fc.integer({ min: 1, max: 499 }),
      fc.integer({ min: 1, max: 499 }),
      fc.constantFrom<[string, number]>(["", 1], [" ألف", 1e3], [" مليون", 1e6], [" مليار", 1e9]),
      fc.constantFrom<[string, string]>(
        ["دولار", "USD"],
        ["يورو", "EUR"],
        ["ريال سعودي", "SAR"],
        ["دينار كويتي", "KWD"],
      ),
      (form, a, d, [scaleWord, scale], [cur, code]) => {
        const b = a + d;
        const text = `تتراوح الكلفة ${form.replace("{a}", String(a)).replace("{b}", String(b))}${scaleWord} ${cur} وفق التقديرات`;
        const figs = findFigures(text);
        assert.equal(figs.length, 2, `${text}: ${JSON.stringify(figs)}`);
        assert.deepEqual(
          figs.map((f) => [f.value, f.unit, f.qualifier]),
          [
            [a * scale, code, "at least"],
            [b * scale, code, "at most"],
          ],
          text,
        );
      },
    ),
    { numRuns: 300 },
  );
});

test("comparison verbs, either gender, plain or negated, qualify the figure after them", () => {
  const verbs: Array<[string, string, string]> = [
    ["يتجاوز", "more than", "at most"],
    ["تتجاوز", "more than", "at most"],
    ["يزيد على", "more than", "at most"],
    ["تزيد عن", "more than", "at most"],
    ["يقل عن", "less than", "at least"],
    ["تقل عن", "less than", "at least"],
  ];
  fc.assert(
    fc.property(
      fc.constantFrom(...verbs),
      fc.constantFrom("", "لا ", "ولا ", "لم ", "لن "),
      fc.integer({ min: 2, max: 9999 }),
      ([verb, plain, negated], neg, v) => {
        const text = `قالت الوزارة إن الكلفة ${neg}${verb} ${v} دولار هذا العام`;
        const f = only(text);
        assert.equal(f.qualifier, neg ? negated : plain, text);
        assert.equal(f.value, v, text);
      },
    ),
    { numRuns: 200 },
  );
});
