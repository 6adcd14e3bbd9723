import type { Block, BlockRole } from "../../core/types.js";
import { lineFeatures, type LineFeatures } from "./features.js";
import { foldCompact, words } from "./normalize.js";

/**
 * Line roles for scraped plain text. The page is read as three zones around its prose (the long, sentence-ending
 * lines in the page's language):
 *
 *   header ─ title ─ lead-in (captions, datelines) ─ first prose … last prose ─ footer
 *
 * and each line is judged by what it is (date, counter, domain, credit, other-language, furniture phrase, prose)
 * and, when that is not enough, by where it sits: a short line before the prose is a caption, a short line just
 * before a paragraph inside the prose is a subheading, a short line after the prose is furniture.
 */

export interface ClassifyOptions {
  /** The title when the container already gives it (a record): lines repeating it become title-duplicates. */
  knownTitle?: string;
}

export interface ClassifiedLine {
  f: LineFeatures;
  role: BlockRole;
}

export interface LineClassification {
  lines: ClassifiedLine[];
  /** Index into `lines` of the title line, -1 when none. */
  titleIndex: number;
  pageLang: string;
}

/** Prose: a paragraph in the page's language, long enough and ending like a sentence (or very long). */
function isProse(f: LineFeatures, pageLang: string): boolean {
  if (f.lang !== pageLang || f.date !== null || f.credit !== null || f.domain !== null) return false;
  if (f.furniture * 3 > f.words || f.strong) return false;
  return (f.words >= 10 && f.endsSentence) || f.words >= 20;
}

export function splitLines(text: string): { raw: string; line: number }[] {
  const out: { raw: string; line: number }[] = [];
  text.split(/\r\n|\r|\n/u).forEach((raw, i) => {
    if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(raw)) out.push({ raw, line: i + 1 });
  });
  return out;
}

export function pageLanguage(feats: readonly LineFeatures[]): string {
  const weight = new Map<string, number>();
  for (const f of feats) {
    if (f.lang === "und") continue;
    weight.set(f.lang, (weight.get(f.lang) ?? 0) + f.text.length);
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "und";
}

/**
 * The title: among the lines before the first prose line, the best headline-shaped one. A headline has 4–30 words
 * (a site name or menu item has fewer) and is often repeated on the page (glued or cut); earlier is better.
 */
function findTitle(feats: readonly LineFeatures[], end: number, pageLang: string): number {
  // A furniture word inside a headline ("إعلان عمّان", the Amman Declaration, is not an advertisement) does not
  // disqualify it; furniture phrases must make up a good part of the line.
  const ok = (f: LineFeatures) =>
    f.date === null &&
    !f.counter &&
    f.domain === null &&
    f.credit === null &&
    f.furniture * 3 < f.words &&
    !f.byline &&
    f.words >= 2 &&
    f.words <= 40 &&
    f.letterRatio > 0.5 &&
    f.lang === pageLang;
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < end; i++) {
    const f = feats[i] as LineFeatures;
    if (!ok(f)) continue;
    const repeated = feats.some((g, j) => j !== i && isTitleCopy(g.compact, f.compact));
    const score = (f.words >= 4 && f.words <= 30 ? 2 : 0) + (repeated ? 3 : 0) + (f.endsSentence ? -1 : 0) - 0.1 * i;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best >= 0 ? best : feats.findIndex(ok);
}

function isTitleCopy(compact: string, title: string): boolean {
  if (title.length === 0 || compact.length === 0) return false;
  if (compact === title) return true;
  if (compact.length % title.length === 0 && compact === title.repeat(compact.length / title.length)) return true;
  // A title cut short by the page ("…" dropped): a long prefix of it.
  return compact.length >= 0.6 * title.length && title.startsWith(compact);
}

export function classifyLines(text: string, options: ClassifyOptions = {}): LineClassification {
  const feats = splitLines(text).map(({ raw, line }) => lineFeatures(raw, line));
  const pageLang = pageLanguage(feats);
  const prose = feats.map((f) => isProse(f, pageLang));
  const firstProse = prose.indexOf(true);
  const lastProse = prose.lastIndexOf(true);
  const titleIndex =
    options.knownTitle === undefined ? findTitle(feats, firstProse === -1 ? feats.length : firstProse, pageLang) : -1;
  const titleCompact =
    options.knownTitle !== undefined ? foldCompact(options.knownTitle) : (feats[titleIndex]?.compact ?? "");
  const zone: Zones = { titleIndex, firstProse, lastProse, pageLang };
  const roles: BlockRole[] = [];
  feats.forEach((f, i) => {
    if (i === titleIndex) roles.push("title");
    else if (isTitleCopy(f.compact, titleCompact)) roles.push("title-duplicate");
    else roles.push(roleOf(f, i, feats, prose, roles, zone));
  });
  markTruncatedRepeats(feats, roles);
  markSubheadings(feats, roles, zone);
  return { lines: feats.map((f, i) => ({ f, role: roles[i] as BlockRole })), titleIndex, pageLang };
}

interface Zones {
  titleIndex: number;
  firstProse: number;
  lastProse: number;
  pageLang: string;
}

/** The role of one line from what it is; `byPlace` decides the lines that are nothing in particular. */
function roleOf(
  f: LineFeatures,
  i: number,
  feats: readonly LineFeatures[],
  prose: readonly boolean[],
  before: readonly BlockRole[],
  z: Zones,
): BlockRole {
  // "Last updated" over the title is the site's own clock; between the title and the text it is the article's.
  if (f.date === "site") return i > z.titleIndex && (z.firstProse === -1 || i < z.firstProse) ? "dateline" : "chrome";
  if (f.date === "date") return i < z.titleIndex ? "chrome" : "dateline";
  if (f.date === "time") return before[i - 1] === "dateline" ? "dateline" : "chrome";
  if (f.counter || f.domain !== null) return "chrome";
  if ((f.credit !== null || f.byline) && !prose[i]) return "attribution";
  if (f.seeAlso) return "chrome";
  if (f.lang !== z.pageLang && f.lang !== "und") return f.furniture === 0 && f.words >= 6 ? "caption" : "chrome";
  if (prose[i]) return "body";
  if (f.strong || (f.furniture > 0 && (f.words <= 4 || f.furniture * 4 >= f.words || i > z.lastProse))) return "chrome";
  if (isCreditedCaption(f)) return "caption";
  return byPlace(f, i, feats, prose, before, z);
}

/** "SITE – CITY", "AUTHOR – SITE": two short names joined by a dash, the credit line that opens many reports. */
function isDashCredit(text: string): boolean {
  const m = /^([^.!?؟:()]{2,40}?)\s*[–—ـ-]\s*([^.!?؟:()]{2,40})$/u.exec(text);
  if (m?.[1] === undefined || m[2] === undefined) return false;
  const [a, b] = [words(m[1]).length, words(m[2]).length];
  return a >= 1 && a <= 3 && b >= 1 && b <= 3;
}

/** An Arabic caption ends with its photo credit: "… (رويترز)". */
export function isCreditedCaption(f: LineFeatures): boolean {
  if (f.trailingCredit === null || f.words < 4 || f.words > 45) return false;
  if (/\p{Nd}/u.test(f.trailingCredit) || words(f.trailingCredit).length > 4) return false;
  // A list ("الحارس: فلان (النادي) وفلان (النادي)") also ends in a parenthesis; a caption has few and no colon.
  if ((f.text.match(/\(/gu)?.length ?? 0) > 2 || /[:：]/u.test(f.text)) return false;
  const before = f.text.slice(0, f.text.lastIndexOf("(")).trim();
  return !/[.!?؟]$/u.test(before);
}

function byPlace(
  f: LineFeatures,
  i: number,
  feats: readonly LineFeatures[],
  prose: readonly boolean[],
  before: readonly BlockRole[],
  z: Zones,
): BlockRole {
  if (i < z.titleIndex) return "chrome";
  const shortLine = f.words <= 12 && !f.endsSentence;
  if (z.firstProse === -1 || i < z.firstProse) {
    if (isDashCredit(f.text)) return "attribution";
    if (shortLine) return "caption";
    return f.words >= 5 ? "body" : "chrome";
  }
  if (i < z.lastProse) {
    if (f.words <= 10 && !f.endsSentence && !/[:：]$/u.test(f.text) && prose[i + 1] === true) return "subheading";
    if (f.words >= 5 && f.lang === z.pageLang) return "body";
    return "chrome";
  }
  // After the last prose line: a short closing paragraph still continues the body; anything else is footer.
  const continues =
    before[i - 1] === "body" &&
    f.furniture === 0 &&
    !f.strong &&
    f.lang === z.pageLang &&
    (f.endsSentence ? f.words >= 5 : f.words >= 10);
  return continues && feats[i - 1] !== undefined ? "body" : "chrome";
}

/** A caption shown twice, the first time cut short: the cut copy is a caption too. */
function markTruncatedRepeats(feats: readonly LineFeatures[], roles: BlockRole[]): void {
  for (let i = 0; i + 1 < feats.length; i++) {
    const a = feats[i] as LineFeatures;
    const b = feats[i + 1] as LineFeatures;
    if (roles[i + 1] !== "caption" || roles[i] === "title") continue;
    if (a.words >= 3 && b.compact.startsWith(a.compact) && a.compact.length < b.compact.length) roles[i] = "caption";
  }
}

/**
 * A short line without final punctuation between paragraphs is a subheading even when the paragraph after it is
 * too short to count as prose (the first pass only trusts prose neighbours).
 */
function markSubheadings(feats: readonly LineFeatures[], roles: BlockRole[], z: Zones): void {
  for (let i = Math.max(z.firstProse, 0) + 1; i < z.lastProse; i++) {
    const f = feats[i] as LineFeatures;
    if (roles[i] !== "body" && roles[i] !== "chrome") continue;
    if (f.words > 10 || f.endsSentence || f.furniture > 0 || f.strong || /[:：]$/u.test(f.text)) continue;
    if (f.lang !== z.pageLang || f.date !== null || f.counter) continue;
    const prev = roles[i - 1];
    if (roles[i + 1] === "body" && (prev === "body" || prev === "caption") && f.words < (feats[i + 1]?.words ?? 0)) {
      roles[i] = "subheading";
    }
  }
}

/** Blocks in the Article shape from classified lines. */
export function toBlocks(c: LineClassification): Block[] {
  return c.lines.map(({ f, role }) => ({ role, text: f.text, lang: f.lang, line: f.line }));
}
