import type { Lang, PluralForms } from "./plural.js";

/**
 * Counted phrases. Arabic agreement: 1 مصدر واحد, 2 مصدران, 3–10 the plural (مصادر), 11–99 the singular with
 * tanwin (مصدرًا), 100–102… the singular (مصدر). `{n}` is the number, isolated where it is shown.
 */
function ar(one: string, two: string, few: string, many: string, other: string, zero: string): PluralForms {
  return { zero, one, two, few: `{n} ${few}`, many: `{n} ${many}`, other: `{n} ${other}` };
}
function en(one: string, other: string): PluralForms {
  return { one: `{n} ${one}`, other: `{n} ${other}` };
}

export const COUNTS = {
  sources: {
    ar: ar("مصدر واحد", "مصدران", "مصادر", "مصدرًا", "مصدر", "لا مصادر"),
    en: en("source", "sources"),
  },
  articles: {
    ar: ar("مقال واحد", "مقالان", "مقالات", "مقالًا", "مقال", "لا مقالات"),
    en: en("article", "articles"),
  },
  stories: {
    ar: ar("قصة واحدة", "قصتان", "قصص", "قصة", "قصة", "لا قصص"),
    en: en("story", "stories"),
  },
  outlets: {
    ar: ar("منفذ واحد", "منفذان", "منافذ", "منفذًا", "منفذ", "لا منافذ"),
    en: en("outlet", "outlets"),
  },
  copies: {
    ar: ar("نسخة واحدة", "نسختان", "نسخ", "نسخة", "نسخة", "لا نسخ"),
    en: en("copy", "copies"),
  },
  results: {
    ar: ar("نتيجة واحدة", "نتيجتان", "نتائج", "نتيجة", "نتيجة", "لا نتائج"),
    en: en("result", "results"),
  },
  mentions: {
    ar: {
      zero: "لم يُذكر",
      one: "ذُكر مرة واحدة",
      two: "ذُكر مرتين",
      few: "ذُكر {n} مرات",
      many: "ذُكر {n} مرة",
      other: "ذُكر {n} مرة",
    },
    en: { one: "mentioned once", other: "mentioned {n} times" },
  },
  quotes: {
    ar: ar("تصريح واحد", "تصريحان", "تصريحات", "تصريحًا", "تصريح", "لا تصريحات"),
    en: en("quote", "quotes"),
  },
  files: {
    ar: ar("ملف واحد", "ملفان", "ملفات", "ملفًا", "ملف", "لا ملفات"),
    en: en("file", "files"),
  },
  documents: {
    ar: ar("وثيقة واحدة", "وثيقتان", "وثائق", "وثيقة", "وثيقة", "لا وثائق"),
    en: en("document", "documents"),
  },
  stored: {
    ar: {
      zero: "لم يُخزَّن شيء جديد",
      one: "خُزّن مقال جديد واحد",
      two: "خُزّن مقالان جديدان",
      few: "خُزّنت {n} مقالات جديدة",
      many: "خُزّن {n} مقالًا جديدًا",
      other: "خُزّن {n} مقال جديد",
    },
    en: { one: "{n} new article stored", other: "{n} new articles stored" },
  },
  existing: {
    ar: {
      zero: "",
      one: "مقال واحد كان مخزنًا من قبل",
      two: "مقالان كانا مخزنين من قبل",
      few: "{n} مقالات كانت مخزنة من قبل",
      many: "{n} مقالًا كانت مخزنة من قبل",
      other: "{n} مقال كانت مخزنة من قبل",
    },
    en: { one: "{n} already stored", other: "{n} already stored" },
  },
  failed: {
    ar: {
      zero: "",
      one: "تعذّرت قراءة وثيقة واحدة",
      two: "تعذّرت قراءة وثيقتين",
      few: "تعذّرت قراءة {n} وثائق",
      many: "تعذّرت قراءة {n} وثيقة",
      other: "تعذّرت قراءة {n} وثيقة",
    },
    en: { one: "{n} failed", other: "{n} failed" },
  },
  hidden: {
    ar: {
      zero: "",
      one: "عرض تصريح آخر",
      two: "عرض التصريحين الآخرين",
      few: "عرض {n} تصريحات أخرى",
      many: "عرض {n} تصريحًا آخر",
      other: "عرض {n} تصريح آخر",
    },
    en: { one: "show {n} more", other: "show {n} more" },
  },
  feeds: {
    ar: ar("خلاصة واحدة", "خلاصتان", "خلاصات", "خلاصة", "خلاصة", "لا خلاصات"),
    en: en("feed", "feeds"),
  },
} as const satisfies Record<string, Record<Lang, PluralForms>>;

export type CountKey = keyof typeof COUNTS;
