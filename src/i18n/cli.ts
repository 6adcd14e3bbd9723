import { isolate } from "./bidi.js";
import type { Lang } from "./plural.js";

/**
 * The command line's own words in Arabic. The English help lives beside each command (its `summary`, `description`
 * and options' `help`), since the contract's tests read it there; this catalogue gives the Arabic of every one of
 * them, keyed by command and option name (test/cli/lang.test.ts checks that none is missing), and both languages of
 * the words the help and error printer add around them.
 *
 * The command line speaks Arabic unless RASD_LANG=en (any value starting with "en"): it is an Arabic tool, and a
 * script that wants stable English output says so. Option names, commands, examples and JSON stay as they are.
 */
export function cliLang(env: NodeJS.ProcessEnv): Lang {
  return /^en/iu.test(env["RASD_LANG"] ?? "") ? "en" : "ar";
}

/**
 * Every Latin or numeric run of an Arabic help line isolated (FSI … PDI), a command line or an option with its
 * dashes taken whole: "--json", "./rasd-data", "$RASD_STORE", "rasd serve", "0.05".
 */
const CLI_RUN =
  /(?:--?|\.\/|\.|\$)?[\p{Script=Latin}\d][\p{Script=Latin}\d_./:@|…=%+-]*(?: (?:--?)?[\p{Script=Latin}\d][\p{Script=Latin}\d_./:@|…=%+-]*)*/gu;

export function isolateCli(s: string): string {
  // Runs already isolated (a reason from the catalogue isolates its own values) are left as they are.
  return s
    .split(/(\u2068[^\u2069]*\u2069)/u)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(CLI_RUN, (run) => isolate(run))))
    .join("");
}

/** Words the help and error printer put around a command's own texts. */
export const CLI_LABELS = {
  usage: { ar: "الاستعمال:", en: "usage:" },
  options: { ar: "الخيارات:", en: "options:" },
  globalOptions: { ar: "خيارات كل الأوامر:", en: "global options:" },
  commands: { ar: "الأوامر:", en: "commands:" },
  exitStatus: {
    ar: "رمز الخروج: 0 نجاح، 1 فشل، 2 استعمال خاطئ، 3 نجاح جزئي (تعذّر بعض المدخلات)",
    en: "exit status: 0 success, 1 failure, 2 bad usage, 3 partial success (some inputs failed)",
  },
  title: { ar: "رصد: محرك عربي لرصد الأخبار وتحليلها", en: "Arabic-first news intelligence (رصد)" },
  mainUsage: { ar: "الاستعمال: rasd <الأمر> [الخيارات]", en: "usage: rasd <command> [options]" },
  version: { ar: "اعرض رقم الإصدار", en: "show the version" },
  moreHelp: {
    ar: "الأمر 'rasd <الأمر> --help' يشرح أمرًا واحدًا. للإنجليزية: RASD_LANG=en.",
    en: "'rasd <command> --help' tells more about one command. In Arabic: unset RASD_LANG.",
  },
  unknownCommand: { ar: "أمر غير معروف", en: "unknown command" },
  didYouMean: { ar: "هل تقصد", en: "did you mean" },
  or: { ar: "أو", en: "or" },
  seeHelp: { ar: "راجع 'rasd --help'.", en: "See 'rasd --help'." },
  details: { ar: "التفاصيل التقنية", en: "technical details" },
} as const;

export type CliLabel = keyof typeof CLI_LABELS;

export function cliText(lang: Lang, key: CliLabel): string {
  return CLI_LABELS[key][lang];
}

/** The Arabic of the options every command takes. */
export const GLOBAL_OPTIONS_AR: Record<string, string> = {
  store: "مجلد المخزن المدمج (الافتراضي ./rasd-data أو $RASD_STORE)",
  pg: "عنوان PostgreSQL بدل المخزن المدمج (أو $RASD_PG_URL)",
  json: "مخرجات للآلة على stdout بصيغة JSON، ولا شيء غيرها هناك",
  create: "أنشئ مجلد المخزن إن لم يوجد (أوامر القراءة ترفض غير ذلك)",
  help: "اعرض المساعدة",
};

const ENCODING = "افرض ترميز ملفات الصفحات (أي اسم من WHATWG: utf-8 أو windows-1256 أو iso-8859-6 أو koi8-r…)";
const THREADS = "خيوط العمل للاستخراج والتعليق (الافتراضي: خيط لكل نواة؛ 1: الكل في خيط واحد؛ من 1 إلى 64)";
const PATHS = "الملفات والمجلدات (المجلدات بما فيها): .txt و.html و.json/.jsonl(.gz) وملفات RSS/Atom.";

export interface CommandArabic {
  summary: string;
  description?: string;
  options: Record<string, string>;
}

/** The Arabic of each command's summary, description and options. */
export const COMMANDS_AR: Record<string, CommandArabic> = {
  extract: {
    summary: "استخرج الصفحات وعلّق عليها دون تخزينها",
    description: `يطبع لكل صفحة مقالًا واحدًا: العنوان والنص والتاريخ والكيانات والأرقام والتصريحات. ${PATHS}`,
    options: { encoding: ENCODING },
  },
  analyze: {
    summary: "وحّد النص العربي أو قطّعه أو جذّره من stdin، سطرًا لكل سطر",
    description: "يقرأ المدخل القياسي سطرًا سطرًا ويكتب سطرًا لكل سطر.",
    options: {
      normalize: "اطبع السطر موحّدًا كما يوحّده البحث",
      tokens: "اطبع الكلمات مفصولة بمسافات",
      stems: "اطبع الجذوع (الافتراضي)",
      scheme: "طريقة التجذيع: rasd (الافتراضي) أو lucene أو snowball أو none",
    },
  },
  annotate: {
    summary: "جد التواريخ والأرقام (والكيانات والتصريحات) في كل سطر من stdin؛ كائن JSON لكل سطر",
    description:
      "يقرأ المدخل القياسي سطرًا سطرًا، ويطبع لكل سطر التواريخ والأرقام والكيانات والتصريحات كائنَ JSON في سطر.",
    options: {
      ref: "الوقت المرجعي للعبارات النسبية بصيغة ISO 8601 مع الفارق (مثل 2013-02-12T04:30:00-02:00)؛ الافتراضي: الآن",
      bias: "كيف يُقرأ تاريخ مفتوح: آخر يوم مضى (past، للأخبار؛ الافتراضي) أو القادم (future)",
    },
  },
  ingest: {
    summary: "استخرج الصفحات وعلّق عليها واكشف النسخ وجمّعها في قصص وخزّنها",
    description: `${PATHS} إدخال الصفحة نفسها مرتين يخزنها مرة واحدة؛ والنص نفسه من منفذ آخر مقال آخر مربوط بأصله نسخةً.`,
    options: {
      threads: THREADS,
      encoding: ENCODING,
      "batch-size": "عدد المقالات في كل معاملة (الافتراضي 100، من 1 إلى 5000)",
      verbose: "سطر على stderr لكل دفعة تُحفظ (لسجلات التشغيل الطويل)",
      enqueue: "مع --pg: ضع المدخلات في الطابور مهامَّ (مهمة لكل دفعة) لـ'rasd worker' بدل معالجتها هنا",
    },
  },
  cluster: {
    summary: "جمّع الصفحات في أحداث ومواضيع (في الذاكرة) واطبعها",
    description: `${PATHS} لا يُخزَّن شيء.`,
    options: { encoding: ENCODING },
  },
  summarize: {
    summary: "عامل الصفحات قصةً واحدة ولخّصها مع ذكر المصادر",
    description: `${PATHS} يطبع القصة بصيغة Markdown، أو بصيغة JSON مع --json؛ [n≈] بعد رقم مصدر: يذكر المصدر الجملة بصياغة أخرى.`,
    options: { words: "طول الملخص بالكلمات (الافتراضي 250، من 1 إلى 5000)", encoding: ENCODING },
  },
  stories: {
    summary: "اعرض القصص المخزنة، الأحدث أولًا",
    description:
      "يعرض قصص المخزن (الأحداث)، الأحدث أولًا: الرقم والتواريخ والمقالات والمنافذ والنسخ. 'rasd story ID' يعرض واحدة.",
    options: { limit: "كم قصة تُعرض (الافتراضي 20، من 1 إلى 10000)", topic: "قصص هذا الموضوع فقط" },
  },
  story: {
    summary: "قصة مخزنة واحدة: الملخص والتسلسل الزمني والمصادر والتصريحات والأرقام",
    description: "رقم القصة كما يطبعه 'rasd stories'. [n≈] بعد رقم مصدر: يذكر المصدر الجملة بصياغة أخرى.",
    options: { words: "طول الملخص بالكلمات (الافتراضي 250، من 1 إلى 5000)" },
  },
  topics: {
    summary: "اعرض المواضيع المخزنة مع قصصها",
    description: "يعرض المواضيع (قصص تتصل عبر الأسابيع والأشهر)، الأنشط مؤخرًا أولًا، مع مداها وحجمها وأكبر قصصها.",
    options: { limit: "كم موضوعًا يُعرض (الافتراضي 20، من 1 إلى 10000)" },
  },
  entity: {
    summary: "اعرض كيانًا مخزنًا (شخصًا أو منظمة أو مكانًا) برقمه أو بأي من أسمائه",
    description:
      "يبحث عن الكيان برقمه، وإلا باسمه بعد توحيد الهمزات والألفات والتاء المربوطة والياء، ويطبعه مع مقالاته.",
    options: {},
  },
  search: {
    summary: "بحث مرتب يفهم العربية في المقالات المخزنة",
    description:
      'عبارة بين علامتي تنصيص ("…" أو «…») تطابق كلماتها متتالية بترتيبها. النسخ المتطابقة نتيجة واحدة مع عددها.',
    options: {
      limit: "كم نتيجة (الافتراضي 20، من 1 إلى 1000)",
      since: "المقالات المنشورة في هذا التاريخ أو بعده فقط",
      until: "المقالات المنشورة في هذا التاريخ أو قبله فقط",
      outlet: "مقالات هذا المنفذ فقط (باسمه أو بمفتاحه)",
    },
  },
  export: {
    summary: "كل المقالات المخزنة، لأدوات أخرى",
    description: "CSV مع علامة ترتيب البايت ونهايات CRLF ليفتحه Excel كما هو؛ JSON Lines افتراضيًا.",
    options: { format: "jsonl (الافتراضي) أو csv" },
  },
  serve: {
    summary: "واجهة HTTP البرمجية وواجهة الويب",
    description: "الكتابة (إضافة المصادر ورفع الصفحات) تحتاج RASD_TOKEN؛ من دونه الخادم للقراءة فقط.",
    options: {
      port: "المنفذ (الافتراضي 8080؛ 0 يختار منفذًا حرًا)",
      host: "العنوان الذي يُستمع عليه (الافتراضي 127.0.0.1: هذا الجهاز فقط)",
      watch: "تابع هذه التغذية (أو كل رابط تغذية في الملف FILE) مصدرًا للمكتب؛ يتكرر",
    },
  },
  demo: {
    summary: "أدخل عينة المقالات المرفقة (المتخيلة) وشغّل واجهة الويب عليها",
    description:
      "يدخل مجلد sample/ (صفحات أخبار عربية متخيلة بكل صيغ الإدخال) إلى المخزن، ثم يشغّل واجهة الويب ويطبع عنوانها. الإدخال مرة ثانية لا يضيف شيئًا. من دون $RASD_TOKEN يطبع رمز كتابة عشوائيًا لهذه الجلسة. أوقفه بـ Ctrl-C.",
    options: {
      port: "المنفذ (الافتراضي 8080؛ 0 يختار منفذًا حرًا)",
      host: "العنوان الذي يُستمع عليه (الافتراضي 127.0.0.1: هذا الجهاز فقط)",
      watch: "تابع هذه التغذية (أو كل رابط تغذية في الملف FILE) مصدرًا للمكتب؛ يتكرر",
      "no-serve": "أدخل العينة فقط ولا تشغّل الخادم",
    },
  },
  watch: {
    summary: "اسحب تغذيات الأخبار بتهذيب وأدخل عناصرها الجديدة",
    description:
      "يسحب تغذيات RSS/Atom ويدخل عناصرها الجديدة عبر مسار 'rasd ingest' نفسه، بطلبات مشروطة وجدول لكل تغذية وتراجع متزايد عند الفشل. ما رآه محفوظ في المخزن: أوقفه وأعد تشغيله متى شئت، لا شيء يُدخل مرتين. سطر لكل سحب على stderr (ومع --json كائن JSON على stdout).",
    options: {
      threads: THREADS,
      interval: "الثواني بين سحبين لتغذية سليمة (الافتراضي 300، 0.05 على الأقل)",
      once: "اسحب كل تغذية مرة الآن ثم اخرج",
      timeout: "تخلَّ عن تغذية أو صفحة بعد S ثانية (الافتراضي 30)",
    },
  },
  sources: {
    summary: "التغذيات التي يتابعها المكتب (تُسحب داخل 'rasd serve')",
    description:
      "يدير التغذيات التي يتابعها المكتب. تُحفظ في المخزن ويسحبها 'rasd serve' بتهذيب ويواصل بعد إعادة التشغيل. 'list' يعرض حال كل تغذية: آخر سحب ورمز HTTP وعناصر اليوم وآخر خطأ والتراجع.",
    options: { interval: "مع add: الثواني بين سحبين (الافتراضي 300، 0.05 على الأقل)" },
  },
  replay: {
    summary: "أعد بث تسجيل إلى المخزن (أو إلى خادم يعمل) بترتيب النشر",
    description:
      "يعيد بث مقالات مسجلة بترتيب تواريخها، أسرع من وقوعها N مرة، عبر مسار التخزين نفسه الذي يسلكه متابع التغذيات. إن كان 'rasd serve' يمسك المخزن مرّ البث عبره. ما خُزّن يبقى، والبث ثانية لا يضيف شيئًا.",
    options: {
      threads: THREADS,
      speed: "كم ضعفًا للزمن الحقيقي (الافتراضي 60؛ max: بأسرع ما يقبله المخزن)",
      limit: "أول N سجلًا من التسجيل فقط",
    },
  },
  worker: {
    summary: "نفّذ مهام الإدخال من طابور PostgreSQL",
    description:
      "يأخذ مهام الإدخال من طابور PostgreSQL (يملؤه 'rasd ingest --pg URL --enqueue') وينفذ كل مهمة في معاملة واحدة. شغّل عاملًا لكل نواة على جهاز أو أكثر بالـ --pg نفسه؛ العامل الذي يُقتل لا يترك شيئًا نصف مكتوب وتُعاد مهمته.",
    options: {
      threads: THREADS,
      "exit-when-idle": "توقف حين يفرغ الطابور (لا مهمة تنتظر أو تعمل أو تنتظر إعادة المحاولة)",
    },
  },
};
