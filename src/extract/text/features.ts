import { detectLang } from "../../analysis/lang.js";
import { furnitureHits, isAgencyOnly, isDateWord, saysSiteDate, strongFurniture } from "./lexicon.js";
import { foldForMatch, words } from "./normalize.js";

/** What the classifier knows about one non-blank line. Every field is computed from the line alone. */
export interface LineFeatures {
  /** 1-based line number in the source. */
  line: number;
  /** The line as shown: trimmed, list bullets removed. */
  text: string;
  folded: string;
  compact: string;
  words: number;
  lang: string;
  /** Letters / all non-space characters: low for counters, dates, URLs. */
  letterRatio: number;
  /** Ends a sentence: . ! ? ؟ … (closing quotes and brackets after it allowed). */
  endsSentence: boolean;
  /** Words belonging to furniture phrases. */
  furniture: number;
  /** Says a disclaimer, comment policy or follow prompt: furniture at any length. */
  strong: boolean;
  /** No letters at all, only digits and punctuation (a counter, a bare number). */
  counter: boolean;
  /** A bare web address or domain. */
  domain: string | null;
  /** A date/time line: its words are dates, times, weekday/month names (and perhaps a credit in parentheses). */
  date: "date" | "time" | "site" | null;
  /** The short parenthesis the line ends with ("(رويترز)"), without the brackets. */
  trailingCredit: string | null;
  /** The whole line is a credit: "المصدر: وكالات", "(وكالات)", a lone agency name. */
  credit: string | null;
  /** An author line ("بقلم: …", "كتب - …", "By …"): the name, else null. */
  byline: string | null;
  /** A pointer to another article ("اقرأ أيضا: …", "Read more: …"): furniture whatever its length. */
  seeAlso: boolean;
}

const BULLETS = /^[\s•·●▪■◦‣*\-–—|»«>]+/u;
const SENTENCE_END = /[.!?؟…。]["'”’»)\]]*$/u;
const DOMAIN = /^(?:https?:\/\/)?((?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,})(?:\/\S*)?$/iu;
const NUMERIC_DATE = /\p{Nd}{1,4}[/.-]\p{Nd}{1,2}[/.-]\p{Nd}{1,4}/gu;
const TIME = /\p{Nd}{1,2}:\p{Nd}{2}(?::\p{Nd}{2})?/gu;
// Non-global twins for tests: a /g regex keeps lastIndex between calls.
const HAS_NUMERIC_DATE = /\p{Nd}{1,4}[/.-]\p{Nd}{1,2}[/.-]\p{Nd}{1,4}/u;
const HAS_TIME = /\p{Nd}{1,2}:\p{Nd}{2}/u;
const TRAILING_PAREN = /\(([^()]{2,40})\)\s*$/u;
// "بقلم" and "By" need no colon; the other words also start ordinary sentences, so they need one.
const BYLINE =
  /^(?:(?:بقلم|by)\s*[:：\-–—]?|(?:كتب|كتبت|كتبه|إعداد|اعداد|تحرير|تقرير|حوار|متابعة)\s*[:：\-–—])\s*(\S.{1,60})$/iu;
// Folded forms: hamza and teh marbuta folded, punctuation gone.
const SEE_ALSO = /^(?:اقرا|طالع|شاهد|اقرئي|read|see|watch)(?: ايضا| كذلك| المزيد| more| also)(?: |$)/u;
const RELATIVE_TIME =
  /^(?:منذ|قبل)\s+(?:\p{Nd}+\s+)?(?:ثانية|ثوان|دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|ايام|أسبوع|اسبوع|أسابيع|شهر|أشهر)$/u;
const STAFF_CREDIT =
  /^\((?:additional\s+)?(?:reporting|writing|editing|compiled|translated|translation)\s+(?:by\b)?[^()]{2,300}\)\.?$|^\((?:إعداد|اعداد|تحرير|ترجمة|تغطية)\b[^()]{2,300}\)$/iu;
const SOURCE_PREFIX = /^(?:المصدر|مصدر الخبر|المصادر|source|sources)\s*[:：]\s*(.+)$/iu;

/** `lang`, when given, is the line's language already known (see blockLangs); else it is detected here. */
export function lineFeatures(raw: string, line: number, lang?: string): LineFeatures {
  const text = raw.replace(BULLETS, "").replace(/\s+/gu, " ").trim() || raw.trim();
  const folded = foldForMatch(text);
  const w = words(text);
  const nonSpace = text.replace(/\s/gu, "").length || 1;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const paren = TRAILING_PAREN.exec(text);
  return {
    line,
    text,
    folded,
    compact: folded.replace(/ /gu, ""), // foldCompact(text), without folding twice
    words: w.length,
    lang: lang ?? detectLang(text),
    letterRatio: letters / nonSpace,
    endsSentence: SENTENCE_END.test(text),
    furniture: furnitureHits(folded),
    strong: strongFurniture(folded),
    counter: letters === 0,
    domain: DOMAIN.exec(text)?.[1]?.toLowerCase() ?? null,
    date: dateKind(text, folded),
    trailingCredit: paren?.[1]?.trim() ?? null,
    credit: creditOf(text, folded),
    byline: bylineOf(text, w.length),
    seeAlso: SEE_ALSO.test(folded),
  };
}

/** A line whose words are all date material: numeric dates, times, weekday/month names, a credit in parentheses. */
function dateKind(text: string, folded: string): LineFeatures["date"] {
  if (RELATIVE_TIME.test(text.trim())) return "date";
  const numeric = HAS_NUMERIC_DATE.test(text);
  const hasDate = numeric || (/\p{Nd}{4}/u.test(text) && /\p{L}/u.test(text));
  const hasTime = HAS_TIME.test(text);
  if (!hasDate && !hasTime) return null;
  const rest = text.replace(TRAILING_PAREN, "").replace(NUMERIC_DATE, " ").replace(TIME, " ");
  const tokens = foldForMatch(rest)
    .split(" ")
    .filter((t) => t !== "" && !/^\p{Nd}+$/u.test(t));
  const leftover = tokens.filter((t) => !isDateWord(t));
  if (leftover.length > 1 || (leftover.length === 1 && !hasTime && !numeric)) return null;
  if (saysSiteDate(folded)) return "site";
  // "الساعة 14:58" or a weekday/month name makes a dateline; a bare "00:00" is only a time widget.
  return hasDate || tokens.length > leftover.length ? "date" : "time";
}

/** "كتب: أحمد علي" → "أحمد علي"; only short lines (a name, not a sentence that starts with كتب). */
function bylineOf(text: string, nWords: number): string | null {
  if (nWords > 8) return null;
  return BYLINE.exec(text)?.[1]?.trim() ?? null;
}

function creditOf(text: string, folded: string): string | null {
  const src = SOURCE_PREFIX.exec(text);
  if (src?.[1] !== undefined) return src[1].trim();
  // "نقلاً عن الأهرام": republished from another outlet, the credit is that outlet.
  const via = /^نقل(?:ا\u064B?)?\s+عن\s+(.{2,40}?)[.]?$/u.exec(text);
  if (via?.[1] !== undefined && words(via[1]).length <= 5) return via[1].trim();
  // A wire service's closing credit, "(Reporting by …; Editing by …)", "(إعداد … تحرير …)", at any length.
  if (STAFF_CREDIT.test(text)) return text.slice(1, -1).trim();
  const whole = /^\((.{2,60})\)$/u.exec(text);
  if (whole?.[1] !== undefined) return whole[1].trim();
  if (isAgencyOnly(folded)) return text;
  return null;
}
