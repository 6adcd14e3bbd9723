import type { z } from "zod";
import { RasdError, type ErrorCode } from "../core/errors.js";
import { errorSentence, genericError, type Lang } from "../i18n/index.js";

/** HTTP status of each error code (STYLE.md: the HTTP layer maps codes to statuses). */
const STATUS: Record<ErrorCode, number> = {
  USAGE: 400,
  PARSE: 400,
  DECODE: 400,
  EMPTY: 400,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  TOO_LARGE: 413,
  NOT_AVAILABLE: 501,
  STORE: 503,
  INTERNAL: 500,
};

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 500 | 501 | 503;

export interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * The status and JSON body for any thrown value, the message in `lang` (English unless the client asked for
 * Arabic). Unknown errors say nothing of their insides (no stack, no SQL).
 */
export function errorResponse(e: unknown, lang: Lang = "en"): { status: ErrorStatus; body: ErrorBody } {
  if (e instanceof RasdError) {
    return {
      status: STATUS[e.code] as ErrorStatus,
      body: { error: { code: e.code, message: errorSentence(lang, e) } },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL",
        message: lang === "ar" ? genericError("ar", "INTERNAL") : "internal error; the server log has the details",
      },
    },
  };
}

/** The language an API client asked for: Arabic when Accept-Language puts it before English. */
export function acceptLang(header: string | undefined): Lang {
  const prefs = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)/u.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((p) => p.tag !== "" && p.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = prefs.find((p) => p.tag.startsWith("ar") || p.tag.startsWith("en"));
  return first?.tag.startsWith("ar") === true ? "ar" : "en";
}

/** One readable sentence from zod's issues: which parameter, what is wrong with it. */
export function validationMessage(where: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => {
    if (i.code === "unrecognized_keys")
      return `unknown ${where} parameter${i.keys.length > 1 ? "s" : ""} ${i.keys.map((k) => `"${k}"`).join(", ")}`;
    const name = i.path.map(String).join(".");
    return name === "" ? i.message : `${where} parameter "${name}": ${i.message}`;
  });
  return parts.join("; ");
}

/** The same sentence in Arabic: the parameter named as sent, what is wrong in words. */
export function validationMessageAr(where: string, error: z.ZodError): string {
  const place = where === "path" ? "في المسار" : "";
  const parts = error.issues.slice(0, 5).map((i) => {
    if (i.code === "unrecognized_keys") return `معامل غير معروف: ${i.keys.map((k) => `"${k}"`).join("، ")}`;
    const name = i.path.map(String).join(".");
    const what = arabicIssue(name, i);
    return name === "" ? what : `المعامل "${name}"${place === "" ? "" : ` ${place}`}: ${what}`;
  });
  return parts.join("؛ ");
}

function arabicIssue(name: string, i: z.core.$ZodIssue): string {
  if (name === "since" || name === "until" || i.message.includes("date like"))
    return "يجب أن يكون تاريخًا صحيحًا مثل 2016-02-12 أو 2016-02 أو 2016";
  switch (i.code) {
    case "too_small":
      return i.origin === "string" ? "يجب ألا يكون فارغًا" : `أصغر من المسموح (الحد الأدنى ${String(i.minimum)})`;
    case "too_big":
      return i.origin === "string"
        ? `أطول من المسموح (${String(i.maximum)} حرفًا على الأكثر)`
        : `أكبر من المسموح (الحد الأقصى ${String(i.maximum)})`;
    case "invalid_type":
      return "قيمة غير صالحة: يجب أن يكون عددًا صحيحًا";
    case "invalid_value":
      return `يجب أن يكون واحدًا من: ${i.values.map(String).join("، ")}`;
    default:
      return "قيمة غير صالحة";
  }
}

export function badRequest(where: string, error: z.ZodError): RasdError {
  return new RasdError("USAGE", validationMessage(where, error), { ar: validationMessageAr(where, error) });
}
