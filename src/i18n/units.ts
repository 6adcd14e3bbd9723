import type { Lang, PluralForms } from "./plural.js";

/**
 * The figures' units (the annotator's unit codes, src/annotate/figures/lexicon-units.ts) as words, with their plural
 * forms: «24 دولة», «49 دولة», «11 دولارًا». Rates (`people/day`) add a word for the period. A code missing here is
 * shown as the code itself, isolated.
 */
function ar(one: string, two: string, few: string, many: string, other: string): PluralForms {
  return {
    zero: `{n} ${other}`,
    one: `{n} ${one}`,
    two: `{n} ${two}`,
    few: `{n} ${few}`,
    many: `{n} ${many}`,
    other: `{n} ${other}`,
  };
}
function en(one: string, other: string): PluralForms {
  return { one: `{n} ${one}`, other: `{n} ${other}` };
}
/** A unit written after any number, unchanged (currency codes, symbols). */
function fixed(word: string): PluralForms {
  return { other: `{n} ${word}` };
}

const UNITS: Record<string, Record<Lang, PluralForms>> = {
  countries: { ar: ar("دولة", "دولتان", "دول", "دولة", "دولة"), en: en("country", "countries") },
  people: { ar: ar("شخص", "شخصان", "أشخاص", "شخصًا", "شخص"), en: en("person", "people") },
  troops: { ar: ar("جندي", "جنديان", "جنود", "جنديًا", "جندي"), en: en("soldier", "troops") },
  percent: { ar: { other: "{n}٪" }, en: { other: "{n}%" } },
  day: { ar: ar("يوم", "يومان", "أيام", "يومًا", "يوم"), en: en("day", "days") },
  week: { ar: ar("أسبوع", "أسبوعان", "أسابيع", "أسبوعًا", "أسبوع"), en: en("week", "weeks") },
  month: { ar: ar("شهر", "شهران", "أشهر", "شهرًا", "شهر"), en: en("month", "months") },
  year: { ar: ar("عام", "عامان", "أعوام", "عامًا", "عام"), en: en("year", "years") },
  hour: { ar: ar("ساعة", "ساعتان", "ساعات", "ساعة", "ساعة"), en: en("hour", "hours") },
  minute: { ar: ar("دقيقة", "دقيقتان", "دقائق", "دقيقة", "دقيقة"), en: en("minute", "minutes") },
  second: { ar: ar("ثانية", "ثانيتان", "ثوان", "ثانية", "ثانية"), en: en("second", "seconds") },
  USD: { ar: ar("دولار", "دولاران", "دولارات", "دولارًا", "دولار"), en: fixed("USD") },
  EUR: { ar: fixed("يورو"), en: fixed("EUR") },
  GBP: {
    ar: ar("جنيه إسترليني", "جنيهان إسترلينيان", "جنيهات إسترلينية", "جنيهًا إسترلينيًا", "جنيه إسترليني"),
    en: fixed("GBP"),
  },
  EGP: { ar: ar("جنيه مصري", "جنيهان مصريان", "جنيهات مصرية", "جنيهًا مصريًا", "جنيه مصري"), en: fixed("EGP") },
  SAR: { ar: ar("ريال سعودي", "ريالان سعوديان", "ريالات سعودية", "ريالًا سعوديًا", "ريال سعودي"), en: fixed("SAR") },
  AED: {
    ar: ar("درهم إماراتي", "درهمان إماراتيان", "دراهم إماراتية", "درهمًا إماراتيًا", "درهم إماراتي"),
    en: fixed("AED"),
  },
  ILS: { ar: ar("شيقل", "شيقلان", "شواقل", "شيقلًا", "شيقل"), en: fixed("ILS") },
  RUB: { ar: ar("روبل", "روبلان", "روبلات", "روبلًا", "روبل"), en: fixed("RUB") },
  CNY: { ar: fixed("يوان"), en: fixed("CNY") },
  dinar: { ar: ar("دينار", "ديناران", "دنانير", "دينارًا", "دينار"), en: en("dinar", "dinars") },
  lira: { ar: ar("ليرة", "ليرتان", "ليرات", "ليرة", "ليرة"), en: en("lira", "lira") },
  km: { ar: ar("كيلومتر", "كيلومتران", "كيلومترات", "كيلومترًا", "كيلومتر"), en: fixed("km") },
  m: { ar: ar("متر", "متران", "أمتار", "مترًا", "متر"), en: fixed("m") },
  mi: { ar: ar("ميل", "ميلان", "أميال", "ميلًا", "ميل"), en: fixed("mi") },
  ha: { ar: ar("هكتار", "هكتاران", "هكتارات", "هكتارًا", "هكتار"), en: fixed("ha") },
  dunam: { ar: ar("دونم", "دونمان", "دونمات", "دونمًا", "دونم"), en: en("dunam", "dunams") },
  t: { ar: ar("طن", "طنان", "أطنان", "طنًا", "طن"), en: fixed("t") },
  kg: { ar: ar("كيلوغرام", "كيلوغرامان", "كيلوغرامات", "كيلوغرامًا", "كيلوغرام"), en: fixed("kg") },
  g: { ar: ar("غرام", "غرامان", "غرامات", "غرامًا", "غرام"), en: fixed("g") },
  l: { ar: ar("لتر", "لتران", "لترات", "لترًا", "لتر"), en: fixed("l") },
  barrels: { ar: ar("برميل", "برميلان", "براميل", "برميلًا", "برميل"), en: en("barrel", "barrels") },
  MW: { ar: ar("ميغاواط", "ميغاواط", "ميغاواط", "ميغاواط", "ميغاواط"), en: fixed("MW") },
};

const PERIOD: Record<string, Record<Lang, string>> = {
  day: { ar: "يوميًا", en: "a day" },
  week: { ar: "أسبوعيًا", en: "a week" },
  month: { ar: "شهريًا", en: "a month" },
  year: { ar: "سنويًا", en: "a year" },
};

/** The annotator's qualifiers (English keys), as the reader's words. */
const QUALIFIERS: Record<string, Record<Lang, string>> = {
  "more than": { ar: "أكثر من", en: "more than" },
  "less than": { ar: "أقل من", en: "less than" },
  "at least": { ar: "ما لا يقل عن", en: "at least" },
  about: { ar: "نحو", en: "about" },
  "tens of": { ar: "عشرات", en: "tens of" },
  "hundreds of": { ar: "مئات", en: "hundreds of" },
  "thousands of": { ar: "آلاف", en: "thousands of" },
  "tens of thousands of": { ar: "عشرات الآلاف", en: "tens of thousands of" },
  "hundreds of thousands of": { ar: "مئات الآلاف", en: "hundreds of thousands of" },
  "millions of": { ar: "ملايين", en: "millions of" },
  "billions of": { ar: "مليارات", en: "billions of" },
};

/** Qualifiers that stand for the number itself ("عشرات"): the value is an order of magnitude, not a count. */
const VAGUE = new Set(Object.keys(QUALIFIERS).filter((q) => q.endsWith(" of")));

export interface UnitParts {
  /** The words before the number (a qualifier), possibly empty. */
  before: string;
  /** The number and its unit, `{n}` standing for the number; null when the qualifier replaces the number. */
  counted: PluralForms | null;
  /** A unit word after a vague qualifier ("عشرات الدول" has no number), or a rate's period. */
  after: string;
}

/** How to show a figure: the qualifier, the counted unit, the rate — each in `lang`. */
export function figureParts(lang: Lang, value: { unit: string | null; qualifier?: string | undefined }): UnitParts {
  const q = value.qualifier === undefined ? "" : (QUALIFIERS[value.qualifier]?.[lang] ?? value.qualifier);
  const [code = "", rate] = (value.unit ?? "").split("/");
  const unit = code === "" ? null : UNITS[code]?.[lang];
  const period = rate === undefined ? "" : (PERIOD[rate]?.[lang] ?? rate);
  const counted = unit ?? (code === "" ? { other: "{n}" } : { other: `{n} ${code}` });
  if (value.qualifier !== undefined && VAGUE.has(value.qualifier)) {
    const word = unit === undefined || unit === null ? code : (unit.few ?? unit.other).replace("{n}", "").trim();
    return { before: q, counted: null, after: [word, period].filter((s) => s !== "").join(" ") };
  }
  return { before: q, counted, after: period };
}

export function knownUnit(code: string): boolean {
  return code.split("/")[0]! in UNITS;
}
