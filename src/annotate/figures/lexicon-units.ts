/**
 * Units figures are counted in other than currencies (those are in currencies.ts), folded (ة→ه, أإآ→ا, ى→ي), every
 * number and case form (كيلومتر، كيلومترات، كيلومترا). Counted nouns are grouped by what they count: countries,
 * people, troops.
 */

export interface UnitInfo {
  unit: string;
  /** Adjective (folded, with or without ال) → a more precise unit: ريال قطري → QAR. */
  by?: ReadonlyMap<string, string>;
}

function forms(words: string[], info: UnitInfo): Array<[string, UnitInfo]> {
  return words.map((w) => [w, info]);
}

export const UNIT_WORDS: ReadonlyMap<string, UnitInfo> = new Map([
  ...forms(["كيلومتر", "كيلومترا", "كيلومترات", "كم", "كلم", "كيلو"], {
    unit: "km",
    by: new Map([
      ["مربع", "km2"],
      ["مربعا", "km2"],
    ]),
  }),
  ...forms(["متر", "مترا", "امتار"], {
    unit: "m",
    by: new Map([
      ["مربع", "m2"],
      ["مربعا", "m2"],
      ["مكعب", "m3"],
    ]),
  }),
  ...forms(["ميل", "اميال", "ميلا"], {
    unit: "mi",
    by: new Map([
      ["مربع", "sq mi"],
      ["مربعا", "sq mi"],
      ["المربعه", "sq mi"],
    ]),
  }),
  ...forms(["هكتار", "هكتارات"], { unit: "ha" }),
  ...forms(["دونم", "دونما", "دونمات"], { unit: "dunam" }),
  ...forms(["طن", "اطنان", "طنا"], { unit: "t" }),
  ...forms(["كيلوغرام", "كيلوجرام", "كغ", "كلغ", "كيلوغراما"], { unit: "kg" }),
  ...forms(["غرام", "جرام", "غراما"], { unit: "g" }),
  ...forms(["لتر", "لترات", "لترا"], { unit: "l" }),
  ...forms(["برميل", "براميل", "برميلا"], { unit: "barrels" }),
  ...forms(["ميغاواط", "ميجاوات", "ميغاوات"], { unit: "MW" }),
  ...forms(["دوله", "دول", "بلد", "بلدا", "بلدان", "دولا"], { unit: "countries" }),
  ...forms(
    [
      "شخص",
      "اشخاص",
      "شخصا",
      "نازح",
      "نازحين",
      "نازحا",
      "لاجئ",
      "لاجئين",
      "لاجئا",
      "قتيل",
      "قتلي",
      "قتيلا",
      "جريح",
      "جرحي",
      "جريحا",
      "مدني",
      "مدنيين",
      "مدنيا",
      "طفل",
      "اطفال",
      "طفلا",
      "امراه",
      "نساء",
      "مواطن",
      "مواطنين",
      "مواطنا",
      "مهاجر",
      "مهاجرين",
      "مهاجرا",
      "معتقل",
      "معتقلين",
      "معتقلا",
      "اسير",
      "اسري",
      "سجين",
      "سجناء",
      "ضحيه",
      "ضحايا",
      "مصاب",
      "مصابين",
      "مصابا",
      "نسمه",
      "فرد",
      "افراد",
      "فردا",
      "عامل",
      "عمال",
      "عاملا",
      "حاج",
      "حجاج",
      "زائر",
      "زوار",
      "طالب",
      "طلاب",
      "طالبا",
      "ناخب",
      "ناخبين",
      "شهيد",
      "شهداء",
      "مشرد",
      "مشردين",
    ],
    { unit: "people" },
  ),
  ...forms(
    [
      "جندي",
      "جنود",
      "جنديا",
      "عسكري",
      "عسكريين",
      "عسكريا",
      "مقاتل",
      "مقاتلين",
      "مقاتلا",
      "عنصر",
      "عناصر",
      "عنصرا",
      "مدرب",
      "مدربين",
      "مدربا",
      "شرطي",
      "ضابط",
      "ضباط",
      "ضابطا",
    ],
    { unit: "troops" },
  ),
  ...forms(["nations", "countries", "states"], { unit: "countries" }),
  ...forms(["people", "civilians", "refugees", "persons", "children"], { unit: "people" }),
  ...forms(["troops", "soldiers", "fighters"], { unit: "troops" }),
  ...forms(["percent"], { unit: "percent" }),
  ...forms(["dollars"], { unit: "USD" }),
  ...forms(["kilometers", "kilometres", "km"], { unit: "km" }),
  ...forms(["miles"], { unit: "mi" }),
  ...forms(["ثانيه", "ثواني", "ثوان"], { unit: "second" }),
  ...forms(["دقيقه", "دقائق"], { unit: "minute" }),
  ...forms(["ساعه", "ساعات"], { unit: "hour" }),
  ...forms(["يوم", "يوما", "ايام"], { unit: "day" }),
  ...forms(["اسبوع", "اسابيع", "اسبوعا"], { unit: "week" }),
  ...forms(["شهر", "اشهر", "شهور", "شهرا"], { unit: "month" }),
  ...forms(["سنه", "سنوات", "سنين", "عام", "اعوام", "عاما"], { unit: "year" }),
]);

/** Dual nouns carry their count: دقيقتين = 2 minutes, شهرين = 2 months. */
export const DUALS: ReadonlyMap<string, string> = new Map([
  ["دقيقتين", "minute"],
  ["دقيقتان", "minute"],
  ["ساعتين", "hour"],
  ["ساعتان", "hour"],
  ["يومين", "day"],
  ["يومان", "day"],
  ["اسبوعين", "week"],
  ["اسبوعان", "week"],
  ["شهرين", "month"],
  ["شهران", "month"],
  ["عامين", "year"],
  ["سنتين", "year"],
  ["دولتين", "countries"],
  ["دولتان", "countries"],
  ["ثانيتين", "second"],
  ["لترين", "l"],
  ["لتران", "l"],
]);

/** A lone unit noun meaning one of it (Duckling's `شهر` = 1 month, `ثانية` = 1 second). */
export const ONE: ReadonlySet<string> = new Set([
  "ثانيه",
  "لحظه",
  "دقيقه",
  "ساعه",
  "يوم",
  "اسبوع",
  "شهر",
  "سنه",
  "عام",
]);

/** Symbols after the number that are not currencies (those are in currencies.ts). */
export const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["%", "percent"],
  ["٪", "percent"],
  ["km", "km"],
]);

/** `في المائة` and its spellings: the word after في. */
export const PERCENT_WORDS: ReadonlySet<string> = new Set(["المائه", "المئه", "المايه", "الميه"]);
/** `بالمائة` written as one word. */
export const PERCENT_ONE_WORD: ReadonlySet<string> = new Set(["بالمائه", "بالمئه", "بالمايه", "بالميه"]);

/** Words before a figure that qualify it. Keys are folded word sequences. */
/**
 * Comparison verbs in both genders, plain or negated by لا/لم/لن: يتجاوز 50 is more than 50, لم تتجاوز 20 at most 20;
 * يقل عن is less than, لا تقل عن at least.
 */
function comparisons(): Array<[string[], string]> {
  const verbs: Array<[string[], string, string]> = [
    [["يتجاوز"], "more than", "at most"],
    [["تتجاوز"], "more than", "at most"],
    [["يزيد", "عن"], "more than", "at most"],
    [["يزيد", "علي"], "more than", "at most"],
    [["تزيد", "عن"], "more than", "at most"],
    [["تزيد", "علي"], "more than", "at most"],
    [["يقل", "عن"], "less than", "at least"],
    [["تقل", "عن"], "less than", "at least"],
  ];
  return verbs.flatMap(([words, plain, negated]): Array<[string[], string]> => [
    [words, plain],
    ...["لا", "لم", "لن"].map((neg): [string[], string] => [[neg, ...words], negated]),
  ]);
}

export const QUALIFIERS: ReadonlyArray<[string[], string]> = [
  ...comparisons(),
  [["ما", "يزيد", "عن"], "more than"],
  [["ما", "يزيد", "علي"], "more than"],
  [["ما", "لا", "يقل", "عن"], "at least"],
  [["ما", "يقرب", "من"], "about"],
  [["ما", "يقارب"], "about"],
  [["ما", "يناهز"], "about"],
  [["يناهز"], "about"],
  [["تناهز"], "about"],
  [["يقارب"], "about"],
  [["تقارب"], "about"],
  [["في", "حدود"], "about"],
  [["بحدود"], "about"],
  [["ما", "يربو", "علي"], "more than"],
  [["يربو", "علي"], "more than"],
  [["تربو", "علي"], "more than"],
  [["ما", "يتجاوز"], "more than"],
  [["ما", "يفوق"], "more than"],
  [["يفوق"], "more than"],
  [["تفوق"], "more than"],
  [["ما", "يصل", "الي"], "at most"],
  [["ما", "دون"], "less than"],
  [["دون"], "less than"],
  [["اكثر", "من"], "more than"],
  [["اقل", "من"], "less than"],
  [["اكثر", "عن"], "more than"],
  [["ازيد", "من"], "more than"],
  [["حوالي"], "about"],
  [["حوالى"], "about"],
  [["نحو"], "about"],
  [["قرابه"], "about"],
  [["زهاء"], "about"],
  [["قرابة"], "about"],
  [["تحت"], "less than"],
  [["فوق"], "more than"],
  [["اقل"], "less than"],
  [["على", "الاقل"], "at least"],
  [["اكثر"], "more than"],
  [["more", "than"], "more than"],
  [["about"], "about"],
  [["nearly"], "about"],
  [["almost"], "about"],
  [["over"], "more than"],
  [["under"], "less than"],
  [["at", "least"], "at least"],
];

/** Rate adverbs after a unit: يوميا → USD/day. */
export const RATES: ReadonlyMap<string, string> = new Map([
  ["يوميا", "day"],
  ["اسبوعيا", "week"],
  ["شهريا", "month"],
  ["سنويا", "year"],
  ["عاميا", "year"],
]);
