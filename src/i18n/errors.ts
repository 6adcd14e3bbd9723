import type { ErrorCode } from "../core/errors.js";
import type { Lang } from "./plural.js";

/** What each kind of error means for the person who met it, when the error carries no sentence of its own. */
const GENERIC: Record<ErrorCode, Record<Lang, string>> = {
  USAGE: { ar: "الطلب غير صحيح: راجع المعاملات المرسلة.", en: "The request is not valid: check its parameters." },
  PARSE: { ar: "تعذّرت قراءة المدخل بصيغته المعلنة.", en: "The input could not be read in its stated format." },
  DECODE: { ar: "تعذّر فك ترميز النص.", en: "The text could not be decoded." },
  EMPTY: { ar: "المدخل لا يحوي نصًا يمكن استخراجه.", en: "The input holds no text to extract." },
  NOT_FOUND: { ar: "الصفحة أو العنصر المطلوب غير موجود.", en: "The page or item asked for does not exist." },
  UNAUTHORIZED: { ar: "هذه العملية تحتاج رمز الكتابة الصحيح.", en: "This needs the right write token." },
  TOO_LARGE: { ar: "الطلب أكبر مما يقبله الخادم.", en: "The request is larger than the server accepts." },
  NOT_AVAILABLE: { ar: "هذه الميزة غير متاحة بعد.", en: "This is not available yet." },
  STORE: {
    ar: "تعذّر الوصول إلى المخزن؛ أعد المحاولة بعد قليل.",
    en: "The store could not be reached; try again shortly.",
  },
  INTERNAL: { ar: "حدث خطأ داخلي؛ سجل الخادم فيه التفاصيل.", en: "Internal error; the server log has the details." },
};

export function genericError(lang: Lang, code: ErrorCode): string {
  return GENERIC[code][lang];
}

/** The sentence to show a person: the error's own Arabic sentence, else the meaning of its code. */
export function errorSentence(lang: Lang, e: { code: ErrorCode; message: string; ar?: string | undefined }): string {
  if (lang === "en") return e.message;
  return e.ar ?? GENERIC[e.code].ar;
}
