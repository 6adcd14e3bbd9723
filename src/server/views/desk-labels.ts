import type { Lang } from "./i18n.js";

/** The desk pages' own labels (sources, alerts, the live river), Arabic and English. */
const LABELS = {
  sources: { ar: "المصادر", en: "Sources" },
  alerts: { ar: "التنبيهات", en: "Alerts" },
  breaking: { ar: "العاجل", en: "Breaking" },
  noBreaking: {
    ar: "لم تنم أي قصة في الساعات الثلاث الأخيرة.",
    en: "No story grew in the last three hours.",
  },
  feedUrl: { ar: "رابط التغذية (RSS/Atom)", en: "Feed URL (RSS/Atom)" },
  interval: { ar: "الفاصل بالثواني", en: "Interval (s)" },
  token: { ar: "رمز الكتابة", en: "Write token" },
  add: { ar: "إضافة", en: "Add" },
  pause: { ar: "إيقاف مؤقت", en: "Pause" },
  resume: { ar: "استئناف", en: "Resume" },
  remove: { ar: "إزالة", en: "Remove" },
  state: { ar: "الحالة", en: "State" },
  lastPoll: { ar: "آخر جلب", en: "Last poll" },
  httpStatus: { ar: "رمز HTTP", en: "HTTP status" },
  itemsToday: { ar: "مواد اليوم", en: "Items today" },
  lastError: { ar: "آخر خطأ", en: "Last error" },
  backoff: { ar: "التراجع حتى", en: "Back-off until" },
  ok: { ar: "يعمل", en: "ok" },
  paused: { ar: "متوقف", en: "paused" },
  failing: { ar: "يتعثر", en: "failing" },
  never: { ar: "لم يجلب بعد", en: "never" },
  noSources: {
    ar: "لا يتابع المكتب أي تغذية بعد. أضف رابطا أدناه أو بالأمر rasd sources add.",
    en: "The desk follows no feed yet. Add one below or with rasd sources add.",
  },
  writesDisabled: {
    ar: "الكتابة معطلة على هذا الخادم: شغّله مع RASD_TOKEN لإضافة المصادر.",
    en: "Writes are disabled on this server: start it with RASD_TOKEN set to add sources.",
  },
  added: { ar: "أضيف", en: "Added" },
  done: { ar: "تم", en: "Done" },
  newArticles: { ar: "مقالات جديدة منذ فتح الصفحة", en: "new articles since this page opened" },
  showNew: { ar: "اعرضها", en: "show them" },
} as const;

export type DeskLabel = keyof typeof LABELS;

export function d(lang: Lang, key: DeskLabel): string {
  return LABELS[key][lang];
}
