/**
 * A light fold for matching lines against each other and against the lexicon (never for display): harakat, tatweel
 * and bidi marks out; alef forms, alef maqsura and teh marbuta folded; punctuation to spaces; spaces collapsed.
 */
export function foldForMatch(s: string): string {
  // ASCII has nothing to compose, strip or fold but case: those passes are skipped (all of an English page).
  const letters = ASCII.test(s)
    ? s
    : s
        .normalize("NFC")
        .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu, "")
        .replace(/[\u0622\u0623\u0625\u0671]/gu, "\u0627")
        .replace(/\u0649/gu, "\u064A")
        .replace(/\u0629/gu, "\u0647");
  return letters
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Nothing beyond ASCII (no control-character range: the class is the complement). */
const ASCII = /^[^\u0080-\u{10FFFF}]*$/u;

/** The same fold with every space removed: for lines glued to themselves ("titletitle"). */
export function foldCompact(s: string): string {
  return foldForMatch(s).replace(/ /g, "");
}

/** Words: runs of letters, marks and digits (Unicode classes, so Arabic words with harakat stay whole). */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}
