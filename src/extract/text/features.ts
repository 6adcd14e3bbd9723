import { detectLang } from "../../analysis/lang.js";
import { furnitureHits, isAgencyOnly, isDateWord, saysSiteDate, strongFurniture } from "./lexicon.js";
import { foldForMatch, foldCompact, words } from "./normalize.js";

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
}

const BULLETS = /^[\s•·●▪■◦‣*\-–—|»«>]+/u;
const SENTENCE_END = /[.!?؟…。]["'”’»)\]]*$/u;
const DOMAIN = /^(?:https?:\/\/)?((?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,})(?:\/\S*)?$/iu;
const NUMERIC_DATE = /\p{Nd}{1,4}[/.\-]\p{Nd}{1,2}[/.\-]\p{Nd}{1,4}/gu;
const TIME = /\p{Nd}{1,2}:\p{Nd}{2}(?::\p{Nd}{2})?/gu;
// Non-global twins for tests: a /g regex keeps lastIndex between calls.
const HAS_NUMERIC_DATE = /\p{Nd}{1,4}[/.\-]\p{Nd}{1,2}[/.\-]\p{Nd}{1,4}/u;
const HAS_TIME = /\p{Nd}{1,2}:\p{Nd}{2}/u;
const TRAILING_PAREN = /\(([^()]{2,40})\)\s*$/u;
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
    compact: foldCompact(text),
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
  };
}

/** A line whose words are all date material: numeric dates, times, weekday/month names, a credit in parentheses. */
function dateKind(text: string, folded: string): LineFeatures["date"] {
  const numeric = HAS_NUMERIC_DATE.test(text);
  const hasDate = numeric || (/\p{Nd}{4}/u.test(text) && /\p{L}/u.test(text));
  const hasTime = HAS_TIME.test(text);
  if (!hasDate && !hasTime) return null;
  const rest = text.replace(TRAILING_PAREN, "").replace(NUMERIC_DATE, " ").replace(TIME, " ");
  const tokens = foldForMatch(rest).split(" ").filter((t) => t !== "" && !/^\p{Nd}+$/u.test(t));
  const leftover = tokens.filter((t) => !isDateWord(t));
  if (leftover.length > 1 || (leftover.length === 1 && !hasTime && !numeric)) return null;
  if (saysSiteDate(folded)) return "site";
  // "الساعة 14:58" or a weekday/month name makes a dateline; a bare "00:00" is only a time widget.
  return hasDate || tokens.length > leftover.length ? "date" : "time";
}

function creditOf(text: string, folded: string): string | null {
  const src = SOURCE_PREFIX.exec(text);
  if (src?.[1] !== undefined) return src[1].trim();
  const whole = /^\((.{2,60})\)$/u.exec(text);
  if (whole?.[1] !== undefined) return whole[1].trim();
  if (isAgencyOnly(folded)) return text;
  return null;
}
