import type { Lang } from "./plural.js";

/**
 * The words of the Markdown story view (`rasd story`, `rasd summarize`). English stays the default of
 * storyMarkdown() (the library's and RASD_LANG=en's); the command line passes Arabic unless told otherwise.
 */
export const MARKDOWN_WORDS = {
  summary: { ar: "الملخص", en: "Summary" },
  timeline: { ar: "التسلسل الزمني", en: "Timeline" },
  quotes: { ar: "التصريحات", en: "Quotes" },
  figures: { ar: "الأرقام عبر المصادر", en: "Figures across sources" },
  sources: { ar: "المصادر", en: "Sources" },
  datesUnknown: { ar: "التواريخ غير معروفة", en: "dates unknown" },
  story: { ar: "القصة", en: "story" },
  paraphrase: {
    ar: "[n≈]: يقول المصدر الجملة بكلمات أخرى، لا بنصها.",
    en: "[n≈]: the source says the sentence in other words, not word for word.",
  },
  agree: { ar: "تتفق", en: "agree" },
  disagree: { ar: "**تختلف**", en: "**disagree**" },
  noTitle: { ar: "(بلا عنوان)", en: "(no title)" },
  dateUnknown: { ar: "التاريخ غير معروف", en: "date unknown" },
  copyOf: { ar: "نسخة من", en: "copy of" },
} as const satisfies Record<string, Record<Lang, string>>;

export type MarkdownWord = keyof typeof MARKDOWN_WORDS;
