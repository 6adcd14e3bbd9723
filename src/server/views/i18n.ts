/** The UI's two languages. Article text is shown as it is (Arabic); only the interface's own labels switch. */
export type Lang = "ar" | "en";

const LABELS = {
  appName: { ar: "رصد", en: "rasd" },
  tagline: { ar: "رصد الأخبار العربية: قصص، مصادر، كيانات", en: "Arabic news monitoring: stories, sources, entities" },
  river: { ar: "القصص", en: "Stories" },
  topics: { ar: "المواضيع", en: "Topics" },
  entities: { ar: "الكيانات", en: "Entities" },
  search: { ar: "بحث", en: "Search" },
  ingest: { ar: "إضافة مصادر", en: "Ingest" },
  articles: { ar: "المقالات", en: "Articles" },
  switchLang: { ar: "English", en: "العربية" },
  sources: { ar: "المصادر", en: "Sources" },
  sourcesN: { ar: "مصادر", en: "sources" },
  outlets: { ar: "المنافذ", en: "Outlets" },
  span: { ar: "المدة", en: "Span" },
  summary: { ar: "الملخص", en: "Summary" },
  timeline: { ar: "التسلسل الزمني", en: "Timeline" },
  quotes: { ar: "تصريحات", en: "Quotes" },
  unknownSpeaker: { ar: "متحدث غير معروف", en: "Unknown speaker" },
  disagreements: { ar: "أرقام متضاربة بين المصادر", en: "Sources disagree" },
  agreeing: { ar: "أرقام متفقة", en: "Figures that agree" },
  duplicates: { ar: "نسخ من", en: "copy of" },
  copies: { ar: "نسخ متطابقة", en: "Copies" },
  original: { ar: "الأصل", en: "original" },
  publisher: { ar: "الناشر", en: "Publisher" },
  published: { ar: "تاريخ النشر", en: "Published" },
  undated: { ar: "غير مؤرخ", en: "undated" },
  topEntities: { ar: "أبرز الكيانات", en: "Top entities" },
  names: { ar: "الأسماء والتهجئات", en: "Names and spellings" },
  storiesOf: { ar: "القصص التي ورد فيها", en: "Stories it appears in" },
  articlesOf: { ar: "المقالات التي ورد فيها", en: "Articles that mention it" },
  mentions: { ar: "مرات الذكر", en: "mentions" },
  query: { ar: "كلمات البحث", en: "Query" },
  since: { ar: "من تاريخ", en: "From" },
  until: { ar: "إلى تاريخ", en: "To" },
  outlet: { ar: "المنفذ", en: "Outlet" },
  entity: { ar: "الكيان", en: "Entity" },
  anyOutlet: { ar: "كل المنافذ", en: "Any outlet" },
  go: { ar: "ابحث", en: "Search" },
  results: { ar: "نتيجة", en: "results" },
  noResults: { ar: "لا نتائج.", en: "No results." },
  files: {
    ar: "ملفات (صفحات نصية أو HTML، أو ملف تغذية RSS/Atom، أو JSON Lines)",
    en: "Files (text or HTML pages, an RSS/Atom feed, JSON Lines)",
  },
  token: { ar: "رمز الكتابة (RASD_TOKEN)", en: "Write token (RASD_TOKEN)" },
  upload: { ar: "أضف", en: "Ingest" },
  stored: { ar: "خُزّن", en: "stored" },
  existing: { ar: "موجود مسبقا", en: "already stored" },
  failed: { ar: "فشل", en: "failed" },
  notAvailable: { ar: "غير متاح بعد", en: "not available yet" },
  noStories: {
    ar: "تجميع المقالات في قصص غير متاح بعد في هذا المخزن. هذه آخر المقالات المخزنة:",
    en: "Grouping articles into stories is not available yet in this store. The latest stored articles:",
  },
  empty: {
    ar: "المخزن فارغ. أضف صفحات من صفحة الإضافة أو بالأمر rasd ingest.",
    en: "The store is empty. Add pages on the ingest page or with rasd ingest.",
  },
  text: { ar: "النص", en: "Text" },
  story: { ar: "القصة", en: "Story" },
  topic: { ar: "الموضوع", en: "Topic" },
  notFound: { ar: "غير موجود", en: "Not found" },
  error: { ar: "خطأ", en: "Error" },
  type_person: { ar: "شخص", en: "person" },
  type_organization: { ar: "منظمة", en: "organisation" },
  type_place: { ar: "مكان", en: "place" },
  type_other: { ar: "أخرى", en: "other" },
  chartLabel: { ar: "عدد المقالات في كل يوم وأحداث القصة", en: "Articles per day and the story's events" },
  writesDisabled: {
    ar: "الكتابة معطلة: شغّل الخادم مع RASD_TOKEN.",
    en: "Writes are disabled: start the server with RASD_TOKEN set.",
  },
} as const;

export type LabelKey = keyof typeof LABELS;

export function t(lang: Lang, key: LabelKey): string {
  return LABELS[key][lang];
}

export function typeLabel(lang: Lang, type: string): string {
  const key = `type_${type}` as LabelKey;
  return key in LABELS ? t(lang, key) : type;
}

/** Dates shown as they are stored (ISO), which reads the same in both languages and sorts visibly. */
export function showDate(lang: Lang, d: string | null | undefined): string {
  return d ?? t(lang, "undated");
}
