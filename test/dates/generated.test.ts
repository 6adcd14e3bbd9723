// Expressions generated from the grammar of Arabic dates, not taken from a corpus (#22): every month-name series,
// with and without شهر, × every way of writing the day × every way of writing the year; numeric dates in every
// order and separator; Hijri dates; weekdays with their relative words; ranges. The expected value is computed from
// the generated parts.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseWhole } from "../../src/annotate/dates/whole.js";
import { annotateLine } from "../../src/annotate/line.js";
import { dt, fromHijri, type DT } from "../../src/annotate/dates/calendar.js";

const REF = dt(2015, 12, 15, 10, 0, 0); // a Tuesday

const SERIES: Record<string, string[]> = {
  "Egyptian/Gulf": [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
  ],
  "Syriac/Levantine": [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
  ],
  "Algerian/Tunisian": [
    "جانفي",
    "فيفري",
    "مارس",
    "أفريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
  ],
  Moroccan: ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
};
const UNITS = ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
const CARD = ["", "واحد", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"];
const TENS = ["", "العاشر", "العشرون", "الثلاثون"];
const CARD_TENS = ["", "عشرة", "عشرين", "ثلاثين"];

function ordinal(d: number): string {
  if (d < 10) return UNITS[d]!;
  if (d === 10 || d === 20 || d === 30) return TENS[d / 10]!;
  if (d < 20) return `${d === 11 ? "الحادي" : UNITS[d - 10]} عشر`;
  return `${d % 10 === 1 ? "الحادي" : UNITS[d % 10]} و${TENS[Math.floor(d / 10)]}`;
}
function cardinal(d: number): string {
  if (d < 10) return CARD[d]!;
  if (d % 10 === 0) return CARD_TENS[d / 10]!;
  if (d < 20) return `${d === 11 ? "أحد" : d === 12 ? "اثني" : CARD[d - 10]} عشر`;
  return `${CARD[d % 10]} و${CARD_TENS[Math.floor(d / 10)]}`;
}
const indic = (s: string) => s.replace(/\d/g, (c) => "٠١٢٣٤٥٦٧٨٩"[Number(c)]!);

const DAY_FORMS: Record<string, (d: number) => string> = {
  digits: (d) => String(d),
  "Arabic-Indic digits": (d) => indic(String(d)),
  "ordinal + من": (d) => `${ordinal(d)} من`,
  ordinal,
  cardinal,
};
const YEAR_FORMS: Record<string, (y: number) => string> = {
  digits: (y) => ` ${y}`,
  "Arabic-Indic": (y) => ` ${indic(String(y))}`,
  عام: (y) => ` عام ${y}`,
  "من عام": (y) => ` من عام ${y}`,
  سنة: (y) => ` سنة ${y}`,
  م: (y) => ` ${y}م`,
  "، ": (y) => `، ${y}`,
};

const key = (t: DT | undefined) => (t ? `${t.y}-${t.m}-${t.d}` : "-");
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function parsed(text: string): string {
  const r = parseWhole(text, { ref: REF, bias: "past" });
  return r ? `${key(r.start)} ${r.grain}${r.end ? ` → ${key(r.end)}` : ""}` : "null";
}

test("every month series × شهر or not × every day form × every year form", () => {
  const arb = fc.record({
    series: fc.constantFrom(...Object.keys(SERIES)),
    shahr: fc.boolean(),
    dayForm: fc.constantFrom(...Object.keys(DAY_FORMS)),
    yearForm: fc.constantFrom(...Object.keys(YEAR_FORMS)),
    y: fc.integer({ min: 1990, max: 2030 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  });
  fc.assert(
    fc.property(arb, ({ series, shahr, dayForm, yearForm, y, m, d }) => {
      fc.pre(d <= daysIn(y, m));
      const text = `${DAY_FORMS[dayForm]!(d)} ${shahr ? "شهر " : ""}${SERIES[series]![m - 1]}${YEAR_FORMS[yearForm]!(y)}`;
      assert.equal(parsed(text), `${y}-${m}-${d} day`, text);
    }),
    { numRuns: 1500 },
  );
});

test("a day and month without a year take the year nearest the reference (past bias)", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...Object.keys(SERIES)),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      (series, m, d) => {
        const near = [2014, 2015, 2016].reduce((a, b) =>
          Math.abs(Date.UTC(b, m - 1, d) - Date.UTC(2015, 11, 15)) <
          Math.abs(Date.UTC(a, m - 1, d) - Date.UTC(2015, 11, 15))
            ? b
            : a,
        );
        const text = `${d} ${SERIES[series]![m - 1]}`;
        assert.equal(parsed(text), `${near}-${m}-${d} day`, text);
      },
    ),
    { numRuns: 300 },
  );
});

test("numeric dates: day first or year first, / - . separators, 2- and 4-digit years, either digit set", () => {
  const arb = fc.record({
    sep: fc.constantFrom("/", "-", "."),
    order: fc.constantFrom("dmy", "ymd"),
    twoDigitYear: fc.boolean(),
    pad: fc.boolean(),
    indicDigits: fc.boolean(),
    y: fc.integer({ min: 2000, max: 2030 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 13, max: 28 }), // above 12: one reading only
  });
  fc.assert(
    fc.property(arb, ({ sep, order, twoDigitYear, pad, indicDigits, y, m, d }) => {
      const p2 = (n: number) => (pad ? String(n).padStart(2, "0") : String(n));
      const ys = order === "dmy" && twoDigitYear ? String(y % 100).padStart(2, "0") : String(y);
      let text = order === "dmy" ? [p2(d), p2(m), ys].join(sep) : [ys, p2(m), p2(d)].join(sep);
      if (indicDigits) text = indic(text);
      assert.equal(parsed(text), `${y}-${m}-${d} day`, text);
    }),
    { numRuns: 500 },
  );
});

const HIJRI = [
  "محرم",
  "صفر",
  "ربيع الأول",
  "ربيع الآخر",
  "جمادى الأولى",
  "جمادى الآخرة",
  "رجب",
  "شعبان",
  "رمضان",
  "شوال",
  "ذو القعدة",
  "ذو الحجة",
];

test("Hijri dates, every month, digits or ordinal days, with or without شهر and هـ, converted (Umm al-Qura)", () => {
  const arb = fc.record({
    hm: fc.integer({ min: 1, max: 12 }),
    hd: fc.integer({ min: 1, max: 29 }),
    hy: fc.integer({ min: 1400, max: 1450 }),
    words: fc.boolean(),
    shahr: fc.boolean(),
    era: fc.constantFrom("", " هـ", "هـ", " للهجرة"),
  });
  fc.assert(
    fc.property(arb, ({ hm, hd, hy, words, shahr, era }) => {
      const g = fromHijri(hy, hm, hd);
      fc.pre(g !== null);
      const dayText = words ? `${ordinal(hd)} من` : String(hd);
      const text = `${dayText} ${shahr ? "شهر " : ""}${HIJRI[hm - 1]} ${hy}${era}`;
      assert.equal(parsed(text), `${g!.y}-${g!.m}-${g!.d} day`, text);
    }),
    { numRuns: 400 },
  );
});

const WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];
const PAST = ["الماضي", "الماضية", "الفائت", "المنصرم", "السابق"];
const NEXT = ["المقبل", "المقبلة", "القادم", "القادمة"];

test("weekdays with or without يوم, bare or with a relative word, after a part of the day or not", () => {
  const arb = fc.record({
    wd: fc.integer({ min: 0, max: 6 }),
    yawm: fc.boolean(),
    rel: fc.constantFrom("none", "past", "next"),
    pastWord: fc.constantFrom(...PAST),
    nextWord: fc.constantFrom(...NEXT),
    part: fc.constantFrom("", "صباح ", "مساء ", "ظهر ", "ليلة "),
  });
  fc.assert(
    fc.property(arb, ({ wd, yawm, rel, pastWord, nextWord, part }) => {
      const name = WEEKDAYS[wd]!;
      const word = rel === "past" ? ` ${pastWord}` : rel === "next" ? ` ${nextWord}` : "";
      const text = `${part}${yawm ? "يوم " : ""}${name}${word}`;
      // Reference Tuesday 15 Dec 2015: the last such day is 1–7 days back; the next 1–7 days ahead.
      const back = (2 - wd + 7) % 7 || 7;
      const fwd = (wd - 2 + 7) % 7 || 7;
      // A bare weekday in the past bias is the latest such day, today included.
      const offset = rel === "next" ? fwd : rel === "past" ? -back : wd === 2 ? 0 : -back;
      const want = new Date(Date.UTC(2015, 11, 15 + offset));
      assert.equal(parsed(text), `${want.getUTCFullYear()}-${want.getUTCMonth() + 1}-${want.getUTCDate()} day`, text);
    }),
    { numRuns: 400 },
  );
});

test("day ranges: من … إلى/حتى, بين … و, in digits or ordinals, with the month and year after the second day", () => {
  const arb = fc.record({
    form: fc.constantFrom("من-إلى", "من-حتى", "بين-و", "bare-إلى"),
    words: fc.boolean(),
    series: fc.constantFrom(...Object.keys(SERIES)),
    m: fc.integer({ min: 1, max: 12 }),
    a: fc.integer({ min: 1, max: 14 }),
    len: fc.integer({ min: 1, max: 14 }),
    y: fc.integer({ min: 1995, max: 2030 }),
  });
  fc.assert(
    fc.property(arb, ({ form, words, series, m, a, len, y }) => {
      const b = a + len;
      // بين السادس والعشرين is the 26th as much as the 6th–20th: Arabic reads a unit ordinal + و + a tens word as one
      // number, so that form is left out of the generated ranges.
      fc.pre(!(form === "بين-و" && words && b % 10 === 0));
      const ds = (d: number) => (words ? ordinal(d) : String(d));
      const [open, join] = form.split("-") as [string, string];
      const second = join === "و" ? `و${ds(b)}` : `${join} ${ds(b)}`;
      const text = `${open === "bare" ? "" : open + " "}${ds(a)} ${second}${words ? " من" : ""} ${SERIES[series]![m - 1]} ${y}`;
      const end = new Date(Date.UTC(y, m - 1, b + 1));
      const want = `${y}-${m}-${a} day → ${end.getUTCFullYear()}-${end.getUTCMonth() + 1}-${end.getUTCDate()}`;
      assert.equal(parsed(text), want, text);
    }),
    { numRuns: 400 },
  );
});

test("a generated date inside a sentence is found with its offsets", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...Object.keys(SERIES)),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 2000, max: 2025 }),
      (series, m, d, y) => {
        const date = `${d} ${SERIES[series]![m - 1]} ${y}`;
        const text = `وقال المتحدث إن الاجتماع عقد في ${date} بحضور الوزراء`;
        const found = annotateLine(text, { ref: REF }).dates;
        assert.equal(found.length, 1, text);
        assert.equal(found[0]!.text, date);
        assert.equal(found[0]!.value, `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
      },
    ),
    { numRuns: 300 },
  );
});
