import { RasdError, type ErrorCode } from "../core/errors.js";
import { isolate } from "./bidi.js";
import { genericError } from "./errors.js";
import { formatNumber } from "./messages.js";
import type { Lang } from "./plural.js";

/**
 * Why an input was not read, a record not taken or a feed not fetched: the reasons the pipeline, the source readers
 * and the fetcher give, in both languages. The English is what error messages, JSON `reason` fields and logs have
 * always said (scripts and tests read it, so it stays byte for byte); the Arabic is the same sentence for a person,
 * every path, URL, number and code isolated (FSI … PDI), and a technical message from outside rasd (a JSON parser's,
 * the operating system's) shown as it is, isolated, after «التفاصيل التقنية».
 */
export interface Said {
  en: string;
  ar: string;
}

interface Reason<P> {
  en: (p: P) => string;
  ar: (p: P) => string;
}

function reason<P = void>(en: (p: P) => string, ar: (p: P) => string): Reason<P> {
  return { en, ar };
}

/** A value inside Arabic text: isolated, numbers grouped as everywhere else. */
function v(x: string | number): string {
  return isolate(typeof x === "number" ? formatNumber(x) : x);
}

/** A path or URL named in Arabic text: in Arabic quotation marks, isolated. */
function q(x: string): string {
  return `«${v(x)}»`;
}

/** A technical message from outside rasd, after the Arabic sentence. */
function tech(why: string): string {
  return `(التفاصيل التقنية: ${v(why)})`;
}

/** How the limits name a size: "20 MiB" / "512 bytes" (limits.ts), and its Arabic. */
function sizeAr(size: string): string {
  const bytes = /^(\d+) bytes$/u.exec(size);
  return bytes !== null ? `${v(Number(bytes[1]))} بايت` : v(size);
}

export const REASONS = {
  // --- Reading input files (src/source/read.ts, walk.ts) ---
  cannotRead: reason<{ input: string; why: string }>(
    (p) => `cannot read "${p.input}": ${p.why}`,
    (p) => `تعذّرت قراءة ${q(p.input)} ${tech(p.why)}`,
  ),
  noSuchPath: reason<{ input: string }>(
    (p) => `cannot read "${p.input}": no such file or folder; check the path`,
    (p) => `تعذّرت قراءة ${q(p.input)}: لا ملف ولا مجلد بهذا المسار؛ تحقق من المسار`,
  ),
  pathUnreadable: reason<{ input: string; why: string }>(
    (p) => `cannot read "${p.input}": ${p.why}; check the path`,
    (p) => `تعذّرت قراءة ${q(p.input)}؛ تحقق من المسار ${tech(p.why)}`,
  ),
  unknownKind: reason<{ input: string }>(
    (p) =>
      `"${p.input}" is not a kind of file rasd reads; give .txt, .html, .json, .jsonl (optionally .gz), or .xml/.rss/.atom feeds`,
    (p) =>
      `${q(p.input)} ليس من أنواع الملفات التي يقرؤها رصد؛ أعطه ملفات ${v(".txt")} أو ${v(".html")} أو ${v(".json")} أو ${v(".jsonl")} (مضغوطة بـ${v(".gz")} أو لا)، أو خلاصات ${v(".xml/.rss/.atom")}`,
  ),
  cannotList: reason<{ dir: string; why: string }>(
    (p) => `cannot list the folder "${p.dir}": ${p.why}`,
    (p) => `تعذّر سرد محتوى المجلد ${q(p.dir)} ${tech(p.why)}`,
  ),
  empty: reason<{ path: string }>(
    (p) => `"${p.path}" is empty; nothing to ingest`,
    (p) => `${q(p.path)} فارغ؛ لا شيء فيه يُدخل`,
  ),
  tooLarge: reason<{ path: string; limit: string; gzip: boolean }>(
    (p) =>
      `"${p.path}" is larger than ${p.limit}${p.gzip ? " decompressed" : ""} (the limit on one file; RASD_MAX_FILE_MB raises it); skipped`,
    (p) =>
      `${q(p.path)} أكبر من ${sizeAr(p.limit)}${p.gzip ? " بعد فك ضغطه" : ""} (حد الملف الواحد؛ يرفعه ${v("RASD_MAX_FILE_MB")})؛ تُرك`,
  ),
  notGzip: reason<{ path: string; why: string }>(
    (p) => `"${p.path}" is not a valid gzip file (${p.why})`,
    (p) => `${q(p.path)} ليس ملف ${v("gzip")} سليمًا ${tech(p.why)}`,
  ),
  lineTooLong: reason<{ n: number; path: string; limit: string }>(
    (p) =>
      `line ${p.n} of "${p.path}" is longer than ${p.limit} (the limit on one record; RASD_MAX_LINE_MB raises it); skipped, the other lines are read`,
    (p) =>
      `السطر ${v(p.n)} من ${q(p.path)} أطول من ${sizeAr(p.limit)} (حد السجل الواحد؛ يرفعه ${v("RASD_MAX_LINE_MB")})؛ تُرك، وتُقرأ الأسطر الأخرى`,
  ),
  lineNotJson: reason<{ n: number; path: string; why: string }>(
    (p) => `line ${p.n} of "${p.path}" is not valid JSON (${p.why}); fix or remove that line`,
    (p) => `السطر ${v(p.n)} من ${q(p.path)} ليس ${v("JSON")} سليمًا؛ أصلحه أو احذفه ${tech(p.why)}`,
  ),
  lineRecord: reason<{ n: number; path: string; record: Said }>(
    (p) => `line ${p.n} of "${p.path}" ${p.record.en}`,
    (p) => `السطر ${v(p.n)} من ${q(p.path)}: ${p.record.ar}`,
  ),
  brokeOff: reason<{ path: string; n: number; why: Said }>(
    (p) => `"${p.path}" broke off after line ${p.n}: ${p.why.en}; the lines before were read`,
    (p) => `انقطعت قراءة ${q(p.path)} بعد السطر ${v(p.n)}: ${p.why.ar}؛ قُرئت الأسطر التي قبله`,
  ),
  streamTooLarge: reason<{ limit: string }>(
    (p) => `it decompresses to more than ${p.limit} (the limit; RASD_MAX_STREAM_MB raises it)`,
    (p) => `يتجاوز بعد فك ضغطه ${sizeAr(p.limit)} (الحد؛ يرفعه ${v("RASD_MAX_STREAM_MB")})`,
  ),
  technical: reason<{ why: string }>(
    (p) => p.why,
    (p) => `خطأ في القراءة ${tech(p.why)}`,
  ),
  notJson: reason<{ path: string; why: string }>(
    (p) =>
      `"${p.path}" is not valid JSON (${p.why}); give one article object, an array of them, or JSON Lines (.jsonl)`,
    (p) =>
      `${q(p.path)} ليس ${v("JSON")} سليمًا؛ أعطه كائن مقال واحدًا أو مصفوفة منها أو ${v("JSON Lines (.jsonl)")} ${tech(p.why)}`,
  ),
  noRecords: reason<{ path: string }>(
    (p) => `skipped "${p.path}": JSON, but no article records in it`,
    (p) => `تُرك ${q(p.path)}: ملف ${v("JSON")} لا سجلات مقالات فيه`,
  ),
  jsonItem: reason<{ i: number; path: string; record: Said }>(
    (p) => `item ${p.i} of "${p.path}" ${p.record.en}`,
    (p) => `العنصر ${v(p.i)} من ${q(p.path)}: ${p.record.ar}`,
  ),
  jsonRecord: reason<{ path: string; record: Said }>(
    (p) => `"${p.path}" ${p.record.en}`,
    (p) => `${q(p.path)}: ${p.record.ar}`,
  ),
  notFeed: reason<{ path: string }>(
    (p) => `"${p.path}" is XML but not an RSS or Atom feed; rasd reads feeds, pages (.html) and text (.txt)`,
    (p) =>
      `${q(p.path)} ملف ${v("XML")} لكنه ليس خلاصة ${v("RSS")} أو ${v("Atom")}؛ يقرأ رصد الخلاصات والصفحات (${v(".html")}) والنصوص (${v(".txt")})`,
  ),
  feedUnreadable: reason<{ path: string; why: string }>(
    (p) => `the feed "${p.path}" cannot be read: ${p.why}`,
    (p) => `تعذّرت قراءة الخلاصة ${q(p.path)} ${tech(p.why)}`,
  ),
  feedEmpty: reason<{ path: string }>(
    (p) => `the feed "${p.path}" has no items`,
    (p) => `الخلاصة ${q(p.path)} لا عناصر فيها`,
  ),
  feedItem: reason<{ index: number; path: string; record: Said }>(
    (p) => `item ${p.index} of the feed "${p.path}" ${p.record.en}`,
    (p) => `العنصر ${v(p.index)} من الخلاصة ${q(p.path)}: ${p.record.ar}`,
  ),

  // --- Why a record is not an article (src/source/records.ts, feed-item.ts, feed-json.ts): completes a sentence ---
  recordNotObject: reason<{ kind: "an array" | "null" | string }>(
    (p) => `is ${p.kind}, not an article object`,
    (p) =>
      `${p.kind === "an array" ? "مصفوفة" : p.kind === "null" ? `القيمة ${v("null")}` : `قيمة من نوع ${v(p.kind)}`}، لا كائن مقال`,
  ),
  recordNoArticle: reason<{ fields: string; keys: string }>(
    (p) => `is not an article: no text field (${p.fields}…), title or URL; its fields are ${p.keys}`,
    (p) =>
      `ليس مقالًا: لا حقل نص (${v(`${p.fields}…`)}) ولا عنوان ولا رابط؛ ${p.keys === "none" ? "ولا حقول فيه" : `حقوله ${v(p.keys)}`}`,
  ),
  itemEmpty: reason(
    () => "has no title, link or text",
    () => "لا عنوان له ولا رابط ولا نص",
  ),
  itemNotJson: reason<{ why: string }>(
    (p) => `is not valid JSON (${p.why})`,
    (p) => `ليس ${v("JSON")} سليمًا ${tech(p.why)}`,
  ),

  // --- Decoding (src/decode/decode.ts) ---
  cannotDecode: reason<{ input: string; why: string }>(
    (p) => `cannot decode "${p.input}": ${p.why}; if you know its encoding, pass --encoding`,
    (p) =>
      `تعذّر فك ترميز ${q(p.input)}: لا يُقرأ نصًّا بأي ترميز مدعوم؛ إن كنت تعرف ترميزه فمرّره بالخيار ${v("--encoding")} ${tech(p.why)}`,
  ),
  unknownEncoding: reason<{ label: string; input: string; known: string }>(
    (p) =>
      `unknown encoding "${p.label}" for "${p.input}"; give a WHATWG encoding name such as ${p.known}, gbk, shift_jis or windows-1251`,
    (p) => `الترميز ${q(p.label)} المعطى لـ${q(p.input)} غير معروف؛ أعطِ اسم ترميز من ${v("WHATWG")} مثل ${v(p.known)}`,
  ),
  unsupportedEncoding: reason<{ enc: string; input: string }>(
    (p) => `rasd cannot decode ${p.enc} ("${p.input}"); convert the file to UTF-8 first (iconv -f ${p.enc} -t UTF-8)`,
    (p) =>
      `لا يفك رصد ترميز ${v(p.enc)} (${q(p.input)})؛ حوّل الملف إلى ${v("UTF-8")} أولًا (${v(`iconv -f ${p.enc} -t UTF-8`)})`,
  ),
  binary: reason<{ input: string; what: string }>(
    (p) => `"${p.input}" looks binary (${p.what}), not a text or HTML page; skip it or convert it to text`,
    (p) => `${q(p.input)} يبدو ملفًا ثنائيًا لا نصًّا ولا صفحة ${v("HTML")}؛ اتركه أو حوّله إلى نص ${tech(p.what)}`,
  ),

  // --- Fetching feeds and pages (src/watch/http.ts, items.ts) ---
  cannotFetch: reason<{ url: string; why: Said }>(
    (p) => `cannot fetch "${p.url}": ${p.why.en}`,
    (p) => `تعذّر جلب ${q(p.url)}: ${p.why.ar}`,
  ),
  fetchTimeout: reason<{ seconds: number }>(
    (p) => `no answer within ${p.seconds}s`,
    (p) => `لا جواب خلال ${v(`${p.seconds}s`)}`,
  ),
  fetchNetwork: reason<{ why: string }>(
    (p) => p.why,
    (p) => `تعذّر الاتصال بالخادم ${tech(p.why)}`,
  ),
  fetchStatus: reason<{ status: number; text: string }>(
    (p) => `the server answered ${p.status} ${p.text}`.trim(),
    (p) => `أجاب الخادم بالرمز ${v(`${p.status} ${p.text}`.trim())}`,
  ),
  fetchTooLarge: reason<{ declared: number | undefined; max: number }>(
    (p) =>
      p.declared !== undefined
        ? `the response is ${p.declared} bytes, over the ${p.max}-byte limit`
        : `the response is over the ${p.max}-byte limit`,
    (p) =>
      p.declared !== undefined
        ? `الجواب ${v(p.declared)} بايت، فوق الحد (${v(p.max)} بايت)`
        : `الجواب فوق الحد (${v(p.max)} بايت)`,
  ),
  fetchBrokeOff: reason<{ why: string }>(
    (p) => `the connection broke off while reading: ${p.why}`,
    (p) => `انقطع الاتصال أثناء القراءة ${tech(p.why)}`,
  ),
  notAFeed: reason<{ url: string }>(
    (p) => `"${p.url}" did not return an RSS or Atom feed; check the URL (is it the feed, not the site's page?)`,
    (p) => `${q(p.url)} لم يُرجع خلاصة ${v("RSS")} أو ${v("Atom")}؛ تحقق من الرابط (أهو رابط الخلاصة لا صفحة الموقع؟)`,
  ),
  feedCutOff: reason<{ url: string }>(
    (p) => `the feed "${p.url}" is cut off or malformed (its closing tag is missing); will retry`,
    (p) => `الخلاصة ${q(p.url)} مبتورة أو تالفة (وسم إغلاقها مفقود)؛ ستُعاد المحاولة`,
  ),
  feedFetchedUnreadable: reason<{ url: string; why: string }>(
    (p) => `the feed "${p.url}" cannot be read: ${p.why}; will retry`,
    (p) => `تعذّرت قراءة الخلاصة ${q(p.url)}؛ ستُعاد المحاولة ${tech(p.why)}`,
  ),
  brokenItem: reason<{ index: number; url: string; record: Said }>(
    (p) => `item ${p.index} of "${p.url}" ${p.record.en}`,
    (p) => `العنصر ${v(p.index)} من ${q(p.url)}: ${p.record.ar}`,
  ),

  notAUrl: reason<{ url: string }>(
    (p) => `"${p.url}" is not a URL; give feed URLs such as https://example.com/rss.xml`,
    (p) => `${q(p.url)} ليس رابطًا؛ أعطِ روابط خلاصات مثل ${v("https://example.com/rss.xml")}`,
  ),
  notHttp: reason<{ url: string }>(
    (p) => `"${p.url}" is not an http(s) URL; for feed files on disk use 'rasd ingest FILE'`,
    (p) => `${q(p.url)} ليس رابط ${v("http(s)")}؛ لملفات الخلاصات على القرص استعمل ${v("rasd ingest FILE")}`,
  ),
  missingSource: reason<{ url: string }>(
    (p) => `the desk does not follow "${p.url}"; 'rasd sources list' shows what it follows`,
    (p) => `لا يتابع المكتب ${q(p.url)}؛ الأمر ${v("rasd sources list")} يعرض ما يتابعه`,
  ),

  // --- The stages (src/pipeline/pool.ts) ---
  threadStopped: reason<{ why: string }>(
    (p) => `the thread running the stages on this document stopped: ${p.why}`,
    (p) => `توقف الخيط الذي يعالج هذه الوثيقة ${tech(p.why)}`,
  ),
} as const;

export type ReasonKey = keyof typeof REASONS;

type ReasonParams<K extends ReasonKey> = Parameters<(typeof REASONS)[K]["en"]>;

/** The reason `key` in both languages, filled with its parameters. */
export function said<K extends ReasonKey>(key: K, ...params: ReasonParams<K>): Said {
  const r = REASONS[key] as unknown as Reason<ReasonParams<K>[0]>;
  return { en: r.en(params[0] as ReasonParams<K>[0]), ar: r.ar(params[0] as ReasonParams<K>[0]) };
}

/** The reason `key` in `lang`. */
export function reasonText<K extends ReasonKey>(lang: Lang, key: K, ...params: ReasonParams<K>): string {
  const s = said(key, ...params);
  return lang === "ar" ? s.ar : s.en;
}

/** A RasdError saying `s`: its message the English (as ever), its `ar` the Arabic. */
export function reasonError(code: ErrorCode, s: Said, opts: { input?: string; cause?: unknown } = {}): RasdError {
  return new RasdError(code, s.en, { ...opts, ar: s.ar });
}

/**
 * A failure (an input not read, a document not stored) for a person: in English its reason as it is; in Arabic its
 * Arabic reason, else what its kind of error means followed by the English, isolated, as technical details.
 */
export function failureText(lang: Lang, f: { code: ErrorCode; reason: string; ar?: string | undefined }): string {
  if (lang === "en") return f.reason;
  return f.ar ?? `${genericError("ar", f.code)} ${tech(f.reason)}`;
}
