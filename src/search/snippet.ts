import { analyzeWithOffsets } from "../analysis/ar/analyze.js";

/** A piece of an article's text around the query's terms, with the matches marked by offsets into `text`. */
export interface Snippet {
  text: string;
  highlights: Array<{ start: number; end: number }>;
}

/**
 * The window of about `width` characters holding the most distinct query terms (ties: the earliest), widened to
 * word boundaries, with every token whose term is a query term highlighted. Uses the same analysis as the index, so
 * a query for الولايات highlights وبالولايات.
 */
export function makeSnippet(text: string, queryTerms: ReadonlySet<string>, width = 220): Snippet {
  const matches = analyzeWithOffsets(text).filter((t) => queryTerms.has(t.term));
  if (matches.length === 0) return cut(text, 0, Math.min(text.length, width), []);
  let best = 0;
  let bestCount = -1;
  let hi = 0;
  for (let lo = 0; lo < matches.length; lo++) {
    while (hi < matches.length && matches[hi]!.end - matches[lo]!.start <= width) hi++;
    const distinct = new Set(matches.slice(lo, hi).map((m) => m.term)).size;
    if (distinct > bestCount) {
      bestCount = distinct;
      best = lo;
    }
  }
  const first = matches[best]!;
  const start = wordStart(text, Math.max(0, first.start - Math.floor(width / 4)));
  const end = wordEnd(text, Math.min(text.length, start + width));
  return cut(
    text,
    start,
    end,
    matches.filter((m) => m.start >= start && m.end <= end),
  );
}

function cut(text: string, start: number, end: number, marks: ReadonlyArray<{ start: number; end: number }>): Snippet {
  const prefix = start > 0 ? "… " : "";
  const suffix = end < text.length ? " …" : "";
  const body = text.slice(start, end).replace(/\s+/gu, " ");
  // Whitespace runs collapse to one space: recompute offsets on the collapsed text.
  const map = collapsedOffsets(text.slice(start, end));
  return {
    text: prefix + body + suffix,
    highlights: marks.map((m) => ({
      start: prefix.length + map[m.start - start]!,
      end: prefix.length + map[m.end - start]!,
    })),
  };
}

/** For each offset of `s` (and its end), the offset in `s` with whitespace runs collapsed to one space. */
function collapsedOffsets(s: string): number[] {
  const map = new Array<number>(s.length + 1);
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    map[i] = o;
    const ws = /\s/u.test(s[i]!);
    if (!ws || i === 0 || !/\s/u.test(s[i - 1]!)) o++;
  }
  map[s.length] = o;
  return map;
}

function wordStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && !/\s/u.test(text[j - 1]!) && i - j < 30) j--;
  return i - j < 30 ? j : i;
}

function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !/\s/u.test(text[j]!) && j - i < 30) j++;
  return j - i < 30 ? j : i;
}
