/**
 * Temporal vocabulary, folded (ة→ه, أإآ→ا, ى→ي). Every Arabic month-name system news uses: the Egyptian/Gulf
 * transliterations (يناير…ديسمبر), the Levantine/Iraqi Syriac names (كانون الثاني…كانون الأول), the Algerian and
 * Tunisian French ones (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت), the Moroccan ones (يوليوز، غشت، شتنبر، نونبر،
 * دجنبر), the Hijri months, and English for captions.
 */

/** Folded month name (one token) → month number 1–12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...pairs(1, ["يناير", "جانفي", "جانفيه", "ينایر"]),
  ...pairs(2, ["فبراير", "فيفري", "فبرایر", "شباط", "فبرير"]),
  ...pairs(3, ["مارس", "اذار"]),
  ...pairs(4, ["ابريل", "افريل", "نيسان", "ابريل"]),
  ...pairs(5, ["مايو", "ماي", "ايار", "مايس"]),
  ...pairs(6, ["يونيو", "يونيه", "جوان", "حزيران"]),
  ...pairs(7, ["يوليو", "يوليه", "جويليه", "جويلية", "يوليوز", "تموز"]),
  ...pairs(8, ["اغسطس", "اغسطوس", "اوت", "غشت", "اب"]),
  ...pairs(9, ["سبتمبر", "شتنبر", "ايلول", "سيبتمبر"]),
  ...pairs(10, ["اكتوبر", "اكتوبر", "اكتوبر"]),
  ...pairs(11, ["نوفمبر", "نونبر"]),
  ...pairs(12, ["ديسمبر", "دجنبر", "دیسمبر"]),
]);

/** Month names that are also common words (آب "father", ماي, مايس); they need a date around them to count. */
export const WEAK_MONTHS = new Set(["اب", "ماي", "مايس"]);

/** Two-word Levantine months: كانون/تشرين + الأول/الثاني. */
export const TWO_WORD_MONTHS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    "كانون",
    new Map([
      ["الاول", 12],
      ["اول", 12],
      ["الثاني", 1],
      ["ثاني", 1],
    ]),
  ],
  [
    "تشرين",
    new Map([
      ["الاول", 10],
      ["اول", 10],
      ["الثاني", 11],
      ["ثاني", 11],
    ]),
  ],
]);

/** Hijri months; صفر is also "zero", so Hijri names count only inside a full Hijri date. */
export const HIJRI_MONTHS: ReadonlyMap<string, number> = new Map([
  ["محرم", 1],
  ["صفر", 2],
  ["رجب", 7],
  ["شعبان", 8],
  ["رمضان", 9],
  ["شوال", 10],
]);

/** Two-word Hijri months: ربيع الأول، جمادى الآخرة، ذو القعدة، ذي الحجة … */
export const HIJRI_TWO_WORD: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    "ربيع",
    new Map([
      ["الاول", 3],
      ["الثاني", 4],
      ["الاخر", 4],
      ["الاخير", 4],
    ]),
  ],
  [
    "جمادي",
    new Map([
      ["الاولي", 5],
      ["الاول", 5],
      ["الاخره", 6],
      ["الثانيه", 6],
      ["الثاني", 6],
      ["الاخر", 6],
    ]),
  ],
  [
    "ذو",
    new Map([
      ["القعده", 11],
      ["الحجه", 12],
    ]),
  ],
  [
    "ذي",
    new Map([
      ["القعده", 11],
      ["الحجه", 12],
    ]),
  ],
]);

/** English month names and abbreviations (lower case, without the dot). */
export const EN_MONTHS: ReadonlyMap<string, number> = new Map([
  ...pairs(1, ["january", "jan"]),
  ...pairs(2, ["february", "feb"]),
  ...pairs(3, ["march", "mar"]),
  ...pairs(4, ["april", "apr"]),
  ...pairs(5, ["may"]),
  ...pairs(6, ["june", "jun"]),
  ...pairs(7, ["july", "jul"]),
  ...pairs(8, ["august", "aug"]),
  ...pairs(9, ["september", "sep", "sept"]),
  ...pairs(10, ["october", "oct"]),
  ...pairs(11, ["november", "nov"]),
  ...pairs(12, ["december", "dec"]),
]);

/** Weekday (0 = Sunday … 6 = Saturday), folded, with the article: bare احد/اثنين are the numbers one and two. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ...pairs(0, ["الاحد"]),
  ...pairs(1, ["الاثنين", "الاتنين", "الاثنبن"]),
  ...pairs(2, ["الثلاثاء", "الثلاثا", "الثلاثاء", "التلات", "الثلاثه"]),
  ...pairs(3, ["الاربعاء", "الاربعا", "الاربع"]),
  ...pairs(4, ["الخميس"]),
  ...pairs(5, ["الجمعه", "الجمعة"]),
  ...pairs(6, ["السبت"]),
]);

/** Weekdays without the article, accepted only after يوم or an ordinal (ثالث ثلاثاء، يوم خميس). */
export const WEEKDAYS_BARE: ReadonlyMap<string, number> = new Map([
  ...pairs(0, ["احد"]),
  ...pairs(1, ["اثنين"]),
  ...pairs(2, ["ثلاثاء", "ثلاثا"]),
  ...pairs(3, ["اربعاء", "اربعا"]),
  ...pairs(4, ["خميس"]),
  ...pairs(5, ["جمعه"]),
  ...pairs(6, ["سبت"]),
]);

export const EN_WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ...pairs(0, ["sunday", "sun"]),
  ...pairs(1, ["monday", "mon"]),
  ...pairs(2, ["tuesday", "tue", "tues"]),
  ...pairs(3, ["wednesday", "wed"]),
  ...pairs(4, ["thursday", "thu", "thurs"]),
  ...pairs(5, ["friday", "fri"]),
  ...pairs(6, ["saturday", "sat"]),
]);

export type Unit = "second" | "minute" | "hour" | "day" | "week" | "month" | "year";

/** Calendar units in every number: singular, dual, plural, accusative (شهرا), spoken (ساعه، اسبوعين). */
export const UNITS: ReadonlyMap<string, { unit: Unit; n?: number }> = new Map([
  ...units("second", ["ثانيه", "ثواني", "ثوان", "لحظه"], ["ثانيتين", "ثانيتان"]),
  ...units("minute", ["دقيقه", "دقائق", "دقايق"], ["دقيقتين", "دقيقتان"]),
  ...units("hour", ["ساعه", "ساعات"], ["ساعتين", "ساعتان"]),
  ...units("day", ["يوم", "يوما", "ايام"], ["يومين", "يومان"]),
  ...units("week", ["اسبوع", "اسبوعا", "اسابيع"], ["اسبوعين", "اسبوعان"]),
  ...units("month", ["شهر", "شهرا", "اشهر", "شهور"], ["شهرين", "شهران"]),
  ...units(
    "year",
    ["سنه", "سنوات", "سنين", "عام", "عاما", "اعوام", "سنتين", "سنتان"],
    ["عامين", "عامان", "سنتين", "سنتان"],
  ),
]);

/** Words that mark a time as past (الماضي), next (المقبل) or current (الحالي, هذا). */
export const DIRECTION: ReadonlyMap<string, -1 | 0 | 1> = new Map<string, -1 | 0 | 1>([
  ...pairs<-1 | 0 | 1>(-1, [
    "الماضي",
    "الماضيه",
    "الماض",
    "المنصرم",
    "المنصرمه",
    "السابق",
    "السابقه",
    "الفائت",
    "الفائته",
    "المنقضي",
  ]),
  ...pairs<-1 | 0 | 1>(1, [
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
    "التالي",
    "التاليه",
    "الجاي",
    "الجايه",
    "الاتي",
    "الجديد",
  ]),
  ...pairs<-1 | 0 | 1>(0, ["الحالي", "الحاليه", "الجاري", "الجاريه"]),
]);

/** Parts of the day: hour offset for 12-hour clocks (+12 after noon), and the hour a bare part means. */
export const DAY_PARTS: ReadonlyMap<string, { pm: boolean; hour: number }> = new Map([
  ["صباحا", { pm: false, hour: 9 }],
  ["صباح", { pm: false, hour: 9 }],
  ["الصبح", { pm: false, hour: 9 }],
  ["صبحا", { pm: false, hour: 9 }],
  ["فجرا", { pm: false, hour: 5 }],
  ["الفجر", { pm: false, hour: 5 }],
  ["ظهرا", { pm: true, hour: 12 }],
  ["الظهر", { pm: true, hour: 12 }],
  ["عصرا", { pm: true, hour: 15 }],
  ["العصر", { pm: true, hour: 15 }],
  ["مساء", { pm: true, hour: 18 }],
  ["مساءا", { pm: true, hour: 18 }],
  ["المساء", { pm: true, hour: 18 }],
  ["ليلا", { pm: true, hour: 21 }],
  ["الليل", { pm: true, hour: 21 }],
  ["المغرب", { pm: true, hour: 18 }],
  ["العشاء", { pm: true, hour: 20 }],
  ["الليله", { pm: true, hour: 21 }],
  ["am", { pm: false, hour: 9 }],
  ["pm", { pm: true, hour: 15 }],
  ["ص", { pm: false, hour: 9 }],
  ["م", { pm: true, hour: 15 }],
]);

function pairs<V>(v: V, keys: string[]): Array<[string, V]> {
  return keys.map((k) => [k, v]);
}

function units(unit: Unit, forms: string[], duals: string[]): Array<[string, { unit: Unit; n?: number }]> {
  return [
    ...forms.map((f): [string, { unit: Unit }] => [f, { unit }]),
    ...duals.map((f): [string, { unit: Unit; n: number }] => [f, { unit, n: 2 }]),
  ];
}
