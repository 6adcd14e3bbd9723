import { createRequire } from "node:module";
import type { GazetteerEntry } from "./entry.js";

/**
 * Places: every country with its Arabic and English names from the maintained i18n-iso-countries package, plus the
 * spellings Arabic newsrooms use that the package lacks (أميركا، سورية، بريطانيا…), written by us; major cities and
 * regions; and demonyms (الأميركي → the United States), which are related words, never mentions.
 */

const require = createRequire(import.meta.url);
type Names = Record<string, string | string[]>;
const AR = (require("i18n-iso-countries/langs/ar.json") as { countries: Names }).countries;
const EN = (require("i18n-iso-countries/langs/en.json") as { countries: Names }).countries;

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Spellings the package does not give, by ISO code. The first Arabic name is the display name when given here. */
const EXTRA: Record<string, string> = {
  US: "الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا|U.S.|U.S.A.|USA|United States",
  GB: "بريطانيا|المملكة المتحدة|بريطانيا العظمى|UK|U.K.|Britain",
  SY: "سوريا|سورية|الجمهورية العربية السورية|Syria",
  RU: "روسيا|روسيا الاتحادية|Russia",
  IR: "إيران|جمهورية إيران الإسلامية|Iran",
  SA: "السعودية|المملكة العربية السعودية|المملكة السعودية",
  AE: "الإمارات|الإمارات العربية المتحدة",
  KP: "كوريا الشمالية|كوريا الديمقراطية",
  MM: "ميانمار|بورما",
  PS: "فلسطين|الأراضي الفلسطينية",
  DE: "ألمانيا|المانيا",
  NL: "هولندا",
  CZ: "التشيك|جمهورية التشيك",
  CI: "ساحل العاج|كوت ديفوار",
  SZ: "سوازيلاند|إسواتيني",
  MK: "مقدونيا|مقدونيا الشمالية",
  BY: "بيلاروسيا|روسيا البيضاء",
  VA: "الفاتيكان",
  IQ: "العراق",
  LY: "ليبيا",
  TR: "تركيا",
  YE: "اليمن",
  OM: "سلطنة عمان",
  CD: "الكونغو الديمقراطية",
  BA: "البوسنة|البوسنة والهرسك",
  AF: "أفغانستان|افغانستان",
};

/** Ambiguous spellings kept out of the gazetteer: عمان is Oman and Amman; مالي is Mali and "financial". */
const AMBIGUOUS = new Set(["عمان", "مالي", "جورجيا", "بنين"]);

/**
 * Capitals that Arabic news uses for the country's government (أنقرة ترفض، موسكو تحذر): they link to the country.
 * واشنطن is kept its own place: it is also a US state, and the reporting names it as the place of events.
 */
const CAPITAL_FOR: Record<string, string> = {
  TR: "أنقرة|انقرة",
  IR: "طهران",
  RU: "موسكو",
  CN: "بكين",
  SY: "دمشق",
  SA: "الرياض",
  EG: "القاهرة",
  FR: "باريس",
  GB: "لندن",
  DE: "برلين",
  IQ: "بغداد",
  IL: "تل أبيب",
  JP: "طوكيو",
  LB: "بيروت",
  JO: "عمّان",
  KP: "بيونغ يانغ",
};

/** Cities, regions and bases written by us (a place of events, not a government). */
const CITIES = `واشنطن|Washington|واشنطن العاصمة
نيويورك|New York
بروكسل|Brussels
جنيف|Geneva
فيينا|Vienna
حلب|Aleppo
حمص|Homs
حماة|Hama
إدلب|Idlib
دير الزور
درعا
اللاذقية
الرقة|Raqqa
تدمر|Palmyra
كوباني|عين العرب
منبج
الموصل|Mosul
الرمادي|Ramadi
الفلوجة|Fallujah
تكريت|Tikrit
كركوك|Kirkuk
أربيل|Erbil
البصرة|Basra
النجف
كربلاء
الأنبار|محافظة الأنبار
نينوى
سرت|Sirte
بنغازي|Benghazi
طرابلس|Tripoli
مصراتة
درنة
صنعاء|Sanaa
عدن|Aden
تعز
الحديدة
مأرب
جدة|Jeddah
مكة|مكة المكرمة|Mecca
المدينة المنورة
الدمام
الدوحة|Doha
دبي|Dubai
أبوظبي|أبو ظبي|Abu Dhabi
المنامة
الكويت العاصمة
مسقط
القدس|Jerusalem
غزة|قطاع غزة|Gaza
الضفة الغربية|West Bank
رام الله
الخليل
نابلس
حيفا
الإسكندرية|Alexandria
سيناء|شبه جزيرة سيناء|Sinai
الخرطوم
تونس العاصمة
الجزائر العاصمة
الرباط
الدار البيضاء
نواكشوط
إسطنبول|اسطنبول|Istanbul
إزمير
ميريلاند|ولاية ميريلاند|Maryland
كاليفورنيا|California
تكساس|Texas
فلوريدا|Florida
فرجينيا|Virginia
روما|Rome
مدريد|Madrid
أثينا
وارسو
كييف|Kyiv|Kiev
القرم|شبه جزيرة القرم|Crimea
كابل|Kabul
إسلام آباد
نيودلهي
طوكيو
سيول
بيونغ يانغ
هونغ كونغ
الشرق الأوسط|Middle East
الخليج|الخليج العربي
شمال أفريقيا|شمال إفريقيا
أوروبا|اوروبا|أوربا|Europe
أفريقيا|إفريقيا|Africa
آسيا|Asia
أستراليا|Australia
أمريكا اللاتينية
البحر المتوسط|البحر الأبيض المتوسط
المحيط الأطلسي|Atlantic Ocean
المحيط الهادئ
المحيط الهندي
نهر الفرات|الفرات
نهر دجلة|دجلة
قاعدة إنجرليك الجوية|قاعدة إنجرليك|إنجرليك|Incirlik
قاعدة أندروز الجوية|قاعدة أندروز|Andrews`;

/** Demonyms (masculine, singular, with ال): the feminine (ة) and bare forms are derived. By ISO code. */
const DEMONYMS: Record<string, string> = {
  US: "الأميركي|الأمريكي",
  TR: "التركي",
  GB: "البريطاني",
  RU: "الروسي",
  IR: "الإيراني",
  SY: "السوري",
  IQ: "العراقي",
  FR: "الفرنسي",
  DE: "الألماني",
  SA: "السعودي",
  EG: "المصري",
  IL: "الإسرائيلي",
  PS: "الفلسطيني",
  LB: "اللبناني",
  JO: "الأردني",
  CN: "الصيني",
  JP: "الياباني",
  CA: "الكندي",
  IT: "الإيطالي",
  ES: "الإسباني",
  LY: "الليبي",
  YE: "اليمني",
  QA: "القطري",
  KW: "الكويتي",
  AE: "الإماراتي",
  BH: "البحريني",
  OM: "العماني",
  TN: "التونسي",
  DZ: "الجزائري",
  MA: "المغربي",
  SD: "السوداني",
  IN: "الهندي",
  PK: "الباكستاني",
  AF: "الأفغاني",
  UA: "الأوكراني",
  AU: "الأسترالي",
  BE: "البلجيكي",
  NL: "الهولندي",
  SE: "السويدي",
  NO: "النرويجي",
  DK: "الدنماركي",
  GR: "اليوناني",
};

export function placeEntries(): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  for (const [code, arName] of Object.entries(AR)) {
    const extra = (EXTRA[code] ?? "").split("|").filter(Boolean);
    const ar = [...extra, ...list(arName)].filter((n) => !AMBIGUOUS.has(n));
    const en = list(EN[code]).filter((n) => n.length > 3 || /\./u.test(n));
    if (ar.length === 0) continue;
    const capital = (CAPITAL_FOR[code] ?? "").split("|").filter(Boolean);
    const demonyms = (DEMONYMS[code] ?? "").split("|").filter(Boolean);
    out.push({ name: ar[0]!, type: "place", names: [...ar, ...en, ...capital], related: demonymForms(demonyms) });
  }
  for (const line of CITIES.split("\n")) {
    const names = line.split("|").filter(Boolean);
    if (names[0] !== undefined) out.push({ name: names[0], type: "place", names, related: [] });
  }
  return out;
}

/** الأميركي → الأميركي، الأميركية، أميركي، أميركية. */
function demonymForms(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const bare = w.startsWith("ال") ? w.slice(2) : w;
    out.push(w, `${w.slice(0)}ة`, bare, `${bare}ة`);
  }
  return out;
}
