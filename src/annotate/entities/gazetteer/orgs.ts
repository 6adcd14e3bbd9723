import type { GazetteerEntry } from "./entry.js";

/**
 * Organisations written by us: one line each, the display name first, then every alias (Arabic spellings, the
 * English name, acronyms). Short forms that are also common words (الأطلسي is an ocean too, القاعدة a base) are
 * listed only where news use makes the organisation the usual reading; the recogniser guards the rest.
 */
const ORGS = `تنظيم الدولة الإسلامية|تنظيم الدولة|الدولة الإسلامية|داعش|تنظيم داعش|الدولة الإسلامية في العراق والشام|Islamic State|ISIS|ISIL
حلف شمال الأطلسي|الحلف الأطلسي|حلف الأطلسي|الأطلسي|الناتو|حلف الناتو|NATO
البنتاغون|البنتاجون|بنتاغون|وزارة الدفاع الأميركية|وزارة الدفاع الأمريكية|Pentagon|Defense Department|Department of Defense
وزارة الخارجية الأميركية|وزارة الخارجية الأمريكية|الخارجية الأميركية|الخارجية الأمريكية|State Department
البيت الأبيض|White House
الكرملين|Kremlin
الكونغرس|الكونجرس|الكونغرس الأميركي|الكونغرس الأمريكي|Congress
وكالة المخابرات المركزية الأميركية|سي آي إيه|CIA
مكتب التحقيقات الفدرالي|إف بي آي|FBI
الأمم المتحدة|منظمة الأمم المتحدة|United Nations|UN|U.N.
مجلس الأمن|مجلس الأمن الدولي|Security Council
الاتحاد الأوروبي|الاتحاد الاوروبي|European Union|EU
جامعة الدول العربية|الجامعة العربية|Arab League
مجلس التعاون الخليجي|مجلس التعاون لدول الخليج العربية|GCC
منظمة التعاون الإسلامي
الاتحاد الأفريقي|الاتحاد الإفريقي|African Union
صندوق النقد الدولي|IMF
البنك الدولي|World Bank
منظمة الصحة العالمية|WHO
أوبك|منظمة أوبك|OPEC
اللجنة الدولية للصليب الأحمر|الصليب الأحمر|Red Cross
المفوضية السامية للأمم المتحدة لشؤون اللاجئين|مفوضية اللاجئين|UNHCR
اليونيسف|UNICEF
اليونسكو|UNESCO
منظمة العفو الدولية|العفو الدولية|Amnesty International
هيومن رايتس ووتش|Human Rights Watch
التحالف الدولي
رويترز|Reuters|REUTERS
أسوشيتد برس|أسوشيتدبرس|الأسوشيتد برس|Associated Press|AP
فرانس برس|وكالة الصحافة الفرنسية|AFP
وكالة الأنباء الألمانية|د ب أ|dpa
الأناضول|Anadolu
وكالة الأنباء السعودية|واس|SPA
وكالة الأنباء القطرية|قنا|QNA
وكالة أنباء الشرق الأوسط|أ ش أ
الجزيرة|قناة الجزيرة|الجزيرة نت|Al Jazeera
قناة العربية|Al Arabiya
بي بي سي|BBC
سي إن إن|سي ان ان|CNN
سكاي نيوز عربية|سكاي نيوز|Sky News
فرانس 24|France 24
نيويورك تايمز|صحيفة نيويورك تايمز|New York Times
واشنطن بوست|صحيفة واشنطن بوست|Washington Post
وول ستريت جورنال|Wall Street Journal
صحيفة الشرق الأوسط
حماس|حركة حماس|حركة المقاومة الإسلامية|Hamas
حركة فتح|Fatah
حزب الله|Hezbollah
طالبان|حركة طالبان|Taliban
تنظيم القاعدة|القاعدة|al-Qaeda|Al Qaeda
جبهة النصرة|النصرة|Nusra Front
جماعة الإخوان المسلمين|الإخوان المسلمين|الإخوان المسلمون|الإخوان|Muslim Brotherhood
جماعة الحوثي|الحوثيون|الحوثيين|أنصار الله|Houthis
قوات سوريا الديمقراطية|قسد|SDF
وحدات حماية الشعب الكردية|وحدات حماية الشعب|YPG
حزب العمال الكردستاني|العمال الكردستاني|PKK
الجيش السوري الحر|الجيش الحر|Free Syrian Army
الحشد الشعبي|قوات الحشد الشعبي
الحرس الثوري|الحرس الثوري الإيراني|Revolutionary Guards
الجيش العراقي|القوات العراقية
الجيش السوري
الجيش الإسرائيلي
حزب العدالة والتنمية
أرامكو|أرامكو السعودية|Aramco
غوغل|جوجل|Google
فيسبوك|فيس بوك|الفيس بوك|Facebook
تويتر|Twitter
مايكروسوفت|Microsoft
آبل|Apple`;

export function orgEntries(): GazetteerEntry[] {
  return ORGS.split("\n").map((line) => {
    const names = line.split("|").filter(Boolean);
    return { name: names[0]!, type: "organization" as const, names, related: [] };
  });
}
