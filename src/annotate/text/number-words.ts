/**
 * Arabic number words, folded (see `fold` in ../dates/tokens.ts: ة→ه, أإآ→ا, ى→ي). Modern Standard Arabic in all
 * its case endings (ثلاثون/ثلاثين), the feminine and masculine forms (ثلاث/ثلاثة), and the common spoken forms news
 * quotes and Duckling's Egyptian corpus carry (تلاتة، حداشر، متين، تلتمية).
 */

export type NumClass = "unit" | "ten" | "teen" | "tens" | "hundred" | "scale";

export interface NumWord {
  value: number;
  cls: NumClass;
}

const entries: Array<[string[], number, NumClass]> = [
  [["صفر"], 0, "unit"],
  [["واحد", "واحده", "احد", "احدي", "حادي"], 1, "unit"],
  [["اثنان", "اثنين", "اثنتان", "اثنتين", "اثني", "اثنتي", "اثنا", "اثنتا", "اتنين", "تنين", "اتنان"], 2, "unit"],
  [["ثلاث", "ثلاثه", "تلات", "تلاته", "تلاث"], 3, "unit"],
  [["اربع", "اربعه"], 4, "unit"],
  [["خمس", "خمسه"], 5, "unit"],
  [["ست", "سته", "سته"], 6, "unit"],
  [["سبع", "سبعه"], 7, "unit"],
  [["ثماني", "ثمان", "ثمانيه", "تماني", "تمانيه", "تمن", "تمان"], 8, "unit"],
  [["تسع", "تسعه"], 9, "unit"],
  [["عشر", "عشره"], 10, "ten"],
  [["حداشر", "احداشر"], 11, "teen"],
  [["اتناشر", "اثناشر", "طناشر"], 12, "teen"],
  [["تلتاشر", "ثلاثتاشر", "تلاتاشر"], 13, "teen"],
  [["اربعتاشر", "اربعطاشر"], 14, "teen"],
  [["خمستاشر", "خمسطاشر"], 15, "teen"],
  [["ستاشر", "سطاشر"], 16, "teen"],
  [["سبعتاشر", "سبعطاشر"], 17, "teen"],
  [["تمنتاشر", "تمنطاشر", "ثمنتاشر"], 18, "teen"],
  [["تسعتاشر", "تسعطاشر"], 19, "teen"],
  [["عشرون", "عشرين"], 20, "tens"],
  [["ثلاثون", "ثلاثين", "تلاتين", "تلاثين"], 30, "tens"],
  [["اربعون", "اربعين"], 40, "tens"],
  [["خمسون", "خمسين"], 50, "tens"],
  [["ستون", "ستين"], 60, "tens"],
  [["سبعون", "سبعين"], 70, "tens"],
  [["ثمانون", "ثمانين", "تمانين"], 80, "tens"],
  [["تسعون", "تسعين"], 90, "tens"],
  [["مائه", "مئه", "ميه", "مايه", "ماءه"], 100, "hundred"],
  [["مائتان", "مائتين", "مئتان", "مئتين", "ميتين", "متين", "مايتين"], 200, "hundred"],
  [["الف", "الفا"], 1000, "scale"],
  [["الفان", "الفين", "الفي"], 2000, "scale"],
  [["الاف", "االاف"], 1000, "scale"],
  [["مليون", "ملايين"], 1e6, "scale"],
  [["مليونان", "مليونين", "مليوني"], 2e6, "scale"],
  [["مليار", "مليارات", "بليون", "بلايين"], 1e9, "scale"],
  [["ملياران", "مليارين", "ملياري"], 2e9, "scale"],
  [["تريليون", "تريليونات", "ترليون"], 1e12, "scale"],
];

const HUNDRED_STEMS: Array<[string[], number]> = [
  [["ثلاث", "ثلث", "تلت", "تلات"], 3],
  [["اربع"], 4],
  [["خمس"], 5],
  [["ست"], 6],
  [["سبع"], 7],
  [["ثمان", "ثماني", "تمن", "تمان"], 8],
  [["تسع"], 9],
];

function build(): Map<string, NumWord> {
  const m = new Map<string, NumWord>();
  for (const [forms, value, cls] of entries) for (const f of forms) m.set(f, { value, cls });
  for (const [stems, n] of HUNDRED_STEMS) {
    for (const s of stems)
      for (const h of ["مائه", "مئه", "ميه", "مايه"]) m.set(s + h, { value: n * 100, cls: "hundred" });
  }
  return m;
}

/** Folded number word → value and class. */
export const NUMBER_WORDS: ReadonlyMap<string, NumWord> = build();

/** Scales whose plural means "a multiple of" after a digit number: 3 ملايين، 10 آلاف. */
export const PLURAL_SCALES = new Set(["الاف", "ملايين", "مليارات", "بلايين", "تريليونات"]);

/** Vague round quantities: عشرات (tens of), مئات (hundreds of), آلاف (thousands of) … Value is the lower bound. */
export const VAGUE: ReadonlyMap<string, { value: number; qualifier: string }> = new Map([
  ["عشرات", { value: 10, qualifier: "tens of" }],
  ["مئات", { value: 100, qualifier: "hundreds of" }],
  ["مءات", { value: 100, qualifier: "hundreds of" }],
  ["الاف", { value: 1000, qualifier: "thousands of" }],
  ["عشرات الالاف", { value: 10000, qualifier: "tens of thousands of" }],
  ["مئات الالاف", { value: 100000, qualifier: "hundreds of thousands of" }],
  ["ملايين", { value: 1e6, qualifier: "millions of" }],
  ["مليارات", { value: 1e9, qualifier: "billions of" }],
]);

/** Simple fractions, alone or after an integer with و (لتر ونصف = 1.5). */
export const FRACTIONS: ReadonlyMap<string, number> = new Map([
  ["نصف", 0.5],
  ["نص", 0.5],
  ["ربع", 0.25],
  ["ثلث", 1 / 3],
  ["ثلثين", 2 / 3],
  ["ثلثي", 2 / 3],
]);

/**
 * Ordinals, masculine and feminine, with and without the article (which the caller strips). The tens take the
 * cardinal form (الخامس والعشرون), so they are read through NUMBER_WORDS.
 */
export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ["اول", 1],
  ["اولي", 1],
  ["حادي", 1],
  ["واحد", 1],
  ["احد", 1],
  ["احدي", 1],
  ["حاديه", 1],
  ["ثاني", 2],
  ["ثان", 2],
  ["ثانيه", 2],
  ["ثالث", 3],
  ["ثالثه", 3],
  ["رابع", 4],
  ["رابعه", 4],
  ["خامس", 5],
  ["خامسه", 5],
  ["سادس", 6],
  ["سادسه", 6],
  ["سابع", 7],
  ["سابعه", 7],
  ["ثامن", 8],
  ["ثامنه", 8],
  ["تاسع", 9],
  ["تاسعه", 9],
  ["عاشر", 10],
  ["عاشره", 10],
]);
