import { analyzeTerms, isStopword, normalize } from "../analysis/ar/index.js";
import { quotesBalanced } from "./quotation.js";

/**
 * Site furniture inside article sentences, which a summary must not quote.
 *
 * 1. A leading byline or dateline: short segments joined by dashes and closed by a colon, before the news itself:
 *    "عيسى الحربي- سبق- الرياض: …", "واشنطن - «الشرق الأوسط»: …", "رويترز- لونبورج (ألمانيا): …", optionally after
 *    a label with a slash ("أجرى الحوار/ …") and followed by a photo credit ("تصوير مشعل الزهراني: …"). Each segment
 *    is a name, an outlet or a place: one to three words of letters, none opening with a function word or reporting
 *    verb, so that a sentence such as "قال الوزير - في تصريح له: …" or a dated entry "1964 - حرب فيتنام: …" is left alone. Only the prefix goes: what follows it is still a
 *    verbatim span of the article, so citations stay exact.
 * 2. A labelled restatement of the title: "<label>: <the article's title>", the "news link in paper X:" line some
 *    sites append ("رابط الخبر بصحيفة الوئام: …"). It says nothing the headline does not; treated as a heading.
 */
const WORD = String.raw`[^\s:：.،,؛;\-–—()\n]+`;
const SEGMENT = String.raw`${WORD}(?:[ \t]+${WORD}){0,2}(?:\s*\([^()\n]{1,30}\))?`;
const DASH = String.raw`\s*[-–—]\s*`;
const BYLINE = new RegExp(
  String.raw`^(?:[^\s/:\n]+(?:[ \t]+[^\s/:\n]+)?/\s*)?(${SEGMENT}(?:${DASH}${SEGMENT}){1,3})\s*[:：]\s*` +
    String.raw`(?:(?:تصوير|عدسة|تحرير|متابعة|ترجمة)\s*/?\s*[^:：.،\n]{1,30}[:：]\s*)?`,
  "u",
);
/**
 * Segments a byline is made of: names, outlets and places, so letters only (a digit makes "1964 - حرب فيتنام:" or
 * "4 - دور النظام:" a dated or numbered entry), none opening with a function word or reporting verb (they start a
 * sentence: "قال الوزير - في تصريح له:"), and no dash inside quotation marks («أمريكي- تركي» is one name).
 */
function plainSegments(prefix: string): boolean {
  if (/\p{N}/u.test(prefix)) return false;
  for (const seg of prefix.split(/\s*[-–—]\s*/u)) {
    if (!quotesBalanced(seg)) return false;
    // Only a segment's first word: the search fold makes the name علي the preposition على.
    const first = seg.split(/[\s/()«»"“”]+/u).find((w) => w !== "");
    if (first !== undefined && isStopword(normalize(first, "search"))) return false;
  }
  return true;
}

/** Length of the byline/dateline prefix at the start of `text` (0: none). */
export function bylineLength(text: string): number {
  const m = BYLINE.exec(text);
  if (!m || !plainSegments(m[1]!)) return 0;
  return m[0].length;
}

/** A label of at most this many words before the colon of a title restatement. */
const LABEL_WORDS = 6;

/** Whether `text` is "<short label>: <title>" (the title's content terms, all of them and no others). */
export function restatesTitle(text: string, title: string): boolean {
  if (title.trim() === "") return false;
  const colon = text.search(/[:：]/u);
  if (colon <= 0) return false;
  const label = text.slice(0, colon).trim();
  if (label === "" || label.split(/\s+/u).length > LABEL_WORDS) return false;
  const rest = analyzeTerms(text.slice(colon + 1));
  const own = analyzeTerms(title);
  if (rest.length === 0 || rest.length !== own.length) return false;
  return rest.every((t, i) => t === own[i]);
}
