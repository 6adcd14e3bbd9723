import { foldForMatch } from "./normalize.js";

/**
 * Phrases of site furniture, written for rasd (not taken from any page): what share, comment, follow and list
 * widgets, headers and footers say on Arabic and English news sites. Matched on folded words (see foldForMatch),
 * as whole-word sequences, and only on short lines: a phrase inside a long paragraph is prose, not furniture.
 */
const FURNITURE_PHRASES: readonly string[] = [
  // sharing and social
  "شارك",
  "مشاركة",
  "شارك برأيك",
  "شارك هذا المقال",
  "شارك الخبر",
  "انشر",
  "نشر على",
  "أرسل لصديق",
  "طباعة",
  "فيسبوك",
  "فيس بوك",
  "تويتر",
  "واتساب",
  "واتس اب",
  "تيليجرام",
  "التليجرام",
  "تلغرام",
  "انستغرام",
  "يوتيوب",
  "لينكد إن",
  "نسخ الرابط",
  "رابط مختصر",
  // comments
  "تعليق",
  "التعليقات",
  "تعليقات",
  "أضف تعليق",
  "إضافة تعليق",
  "اترك تعليقا",
  "موضوع التعليق",
  "الاسم",
  "البريد الإلكتروني",
  "النص",
  "إرسال",
  "أرسل",
  "عدد التعليقات",
  "لا توجد تعليقات",
  // follow and subscribe
  "تابعنا",
  "تابعونا",
  "لمتابعة",
  "تابعوا",
  "اشترك",
  "اشترك الآن",
  "النشرة البريدية",
  "اضغط هنا",
  "انقر هنا",
  "لمزيد من الأخبار",
  "صفحتنا",
  "الإعجاب بصفحتنا",
  "حمل التطبيق",
  // lists and navigation
  "الأكثر قراءة",
  "الأكثر مشاهدة",
  "الأكثر تداولا",
  "الأكثر تعليقا",
  "اقرأ أيضا",
  "اقرأ ايضا",
  "اقرأ المزيد",
  "مواضيع ذات صلة",
  "أخبار ذات صلة",
  "ذات صلة",
  "أخبار متعلقة",
  "مقالات ذات صلة",
  "آخر الأخبار",
  "الرئيسية",
  "المزيد",
  "عرض المزيد",
  "التالي",
  "السابق",
  "الكلمات المفتاحية",
  "كلمات مفتاحية",
  "وسوم",
  "الوسوم",
  "تصغير الخط",
  "تكبير الخط",
  "حجم الخط",
  "إعلان",
  "اعلان",
  // site header and footer
  "آخر تحديث",
  "جميع الحقوق محفوظة",
  "حقوق النشر",
  "من نحن",
  "اتصل بنا",
  "سياسة الخصوصية",
  "عدد المشاهدات",
  "عدد القراءات",
  "المشاركات والتعليقات",
  "لا تمثل",
  "لاتمثل",
  "تعبر عن رأي",
  "وانما تعبر",
  // English furniture on Arabic pages
  "share",
  "tweet",
  "comments",
  "comment",
  "read more",
  "related",
  "logo",
  "follow us",
  "subscribe",
  "advertisement",
  "next",
  "previous",
  "all rights reserved",
  "copyright",
  "no stories found",
  "most read",
  "loading",
];

/**
 * Furniture that stays furniture at any length: comment policies, disclaimers, follow prompts. A paragraph that
 * says one of these is the site talking about itself, not the article.
 */
const STRONG_PHRASES: readonly string[] = [
  "لا تعبر عن رأي",
  "لاتعبر عن رأي",
  "لا تمثل رأي",
  "لاتمثل",
  "لا تمثل",
  "تعكس وجهات نظر أصحابها",
  "تعبر عن رأي أصحابها",
  "مراجعة التعليقات",
  "التعليقات قبل نشرها",
  "المشاركات والتعليقات",
  "اضغط هنا",
  "إضغط هنا",
  "انقر هنا",
  "الإعجاب بصفحتنا",
  "تابعونا على",
  "تابعنا على",
  "حمل تطبيق",
  "جميع الحقوق محفوظة",
  "نرحب بتعليقاتكم",
  "all rights reserved",
  "click here",
  "sign up for our newsletter",
  "follow us on",
  // the site speaking of its own products: newsletters, follows, affiliate deals
  "our newsletter",
  "sign up for our",
  "sign up to our",
  "subscribe to our",
  "follow us at",
  "to your inbox",
  "affiliate commission",
  "affiliate links",
  "referral links",
];

/** Agencies and generic credits, as a credit line or parenthesis names them. */
const AGENCY_PHRASES: readonly string[] = [
  "وكالات",
  "رويترز",
  "أ ف ب",
  "ا ف ب",
  "فرانس برس",
  "وكالة فرانس برس",
  "الفرنسية",
  "أسوشيتد برس",
  "اسوشيتد برس",
  "الأسوشيتد برس",
  "الأناضول",
  "د ب أ",
  "الألمانية",
  "واس",
  "قنا",
  "وام",
  "سبأ",
  "بترا",
  "سانا",
  "شينخوا",
  "يو بي آي",
  "إفي",
  "كونا",
  "إرنا",
  "تاس",
  "سبوتنيك",
  "نوفوستي",
  "الأوروبية",
  "reuters",
  "afp",
  "ap",
  "associated press",
  "getty",
  "getty images",
  "epa",
  "anadolu",
  "xinhua",
  "dpa",
  "agencies",
];

function compile(list: readonly string[]): string[][] {
  return list.map((p) => foldForMatch(p).split(" ")).filter((p) => p.length > 0 && p[0] !== "");
}

const FURNITURE = compile(FURNITURE_PHRASES);
const AGENCIES = compile(AGENCY_PHRASES);
const STRONG = compile(STRONG_PHRASES);

/** Phrases indexed by their first word, so a line costs one lookup per word, not one scan per phrase. */
type PhraseIndex = Map<string, string[][]>;

function indexPhrases(phrases: readonly string[][]): PhraseIndex {
  const m: PhraseIndex = new Map();
  for (const p of phrases) {
    const first = p[0] as string;
    m.set(first, [...(m.get(first) ?? []), p]);
  }
  return m;
}

const FURNITURE_INDEX = indexPhrases(FURNITURE);
const STRONG_INDEX = indexPhrases(STRONG);

/**
 * Phrases found in the tokens (consecutive whole words; a leading و/ل/ب/ف proclitic allowed on the first), each
 * once, in order of where they are first found; the search stops once `limit` are found (1 for a yes/no question).
 */
function found(tokens: readonly string[], index: PhraseIndex, limit = Infinity): string[][] {
  const out: string[][] = [];
  const at = (i: number, cands: readonly string[][] | undefined) => {
    for (const p of cands ?? []) {
      if (p.every((w, j) => j === 0 || tokens[i + j] === w) && !out.includes(p)) out.push(p);
    }
  };
  for (let i = 0; i < tokens.length && out.length < limit; i++) {
    const t = tokens[i] as string;
    at(i, index.get(t));
    if (t.length > 2 && "ولبف".includes(t[0] as string)) at(i, index.get(t.slice(1)));
  }
  return out;
}

/** How many words of the line belong to furniture phrases (0 when none). */
export function furnitureHits(folded: string): number {
  return found(folded.split(" ").filter(Boolean), FURNITURE_INDEX).reduce((n, p) => n + p.length, 0);
}

/** Whether the line says a strong furniture phrase (a disclaimer, a comment policy, a follow prompt). */
export function strongFurniture(folded: string): boolean {
  return found(folded.split(" ").filter(Boolean), STRONG_INDEX, 1).length > 0;
}

/** Whether the folded text is made only of agency names and separators ("وكالات", "رويترز - أ ف ب"). */
export function isAgencyOnly(folded: string): boolean {
  const tokens = folded.split(" ").filter(Boolean);
  if (tokens.length === 0) return false;
  let i = 0;
  while (i < tokens.length) {
    const match = AGENCIES.filter((p) => p.every((w, j) => tokens[i + j] === w)).sort((a, b) => b.length - a.length)[0];
    if (match === undefined) return false;
    i += match.length;
  }
  return true;
}

/** Weekday and month names (Gregorian in its Arabic forms, Levantine, Hijri), folded, for date-like lines. */
const DATE_WORDS = new Set(
  [
    "السبت",
    "الأحد",
    "الاحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الاربعاء",
    "الخميس",
    "الجمعة",
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ابريل",
    "إبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "اغسطس",
    "سبتمبر",
    "أكتوبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
    "الأول",
    "الثاني",
    "جانفي",
    "فيفري",
    "أفريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "محرم",
    "صفر",
    "ربيع",
    "جمادى",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "القعدة",
    "الحجة",
    "ذو",
    "ذي",
    "الآخر",
    "الساعة",
    "ساعة",
    "منذ",
    "دقيقة",
    "دقائق",
    "ساعات",
    "يوم",
    "أيام",
    "ص",
    "م",
    "هـ",
    "pm",
    "am",
    "gmt",
    "بتوقيت",
    "غرينتش",
    "مكة",
    "تحديث",
    "آخر",
    "نشر",
    "في",
    "بتاريخ",
    "تاريخ",
    "النشر",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "updated",
    "published",
    "ago",
  ].map(foldForMatch),
);

export function isDateWord(folded: string): boolean {
  return DATE_WORDS.has(folded);
}

/** Words that say a date line is the site's own (last update, today's date in the header), not the article's. */
export function saysSiteDate(folded: string): boolean {
  return /(^| )(اخر تحديث|تحديث|updated|last update)( |$)/u.test(folded);
}
