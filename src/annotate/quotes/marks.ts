import { isSpeechVerb, tokenize } from "../entities/index.js";

/**
 * Where quotations are in a text: paired marks («…», “…”, "…") within one paragraph, and colon speech without marks
 * (وأضاف آشتون: … to the end of the sentence). A span of fewer than three words between marks is a name or a scare
 * quote ("داعش"، "حزما"), not a quotation.
 *
 * Plain " marks are paired left to right; a mark right after a speech word opens a new quotation even when one is
 * open, because the writer forgot to close the first (…كالسابق، مضيفًا "كانت…): the open one then ends before that
 * speech word's clause.
 */

export interface Span {
  /** Offsets of the quotation's text, marks excluded. */
  start: number;
  end: number;
  /** Offset of the opening mark (or of the colon), where attribution looks back from. */
  at: number;
}

const OPEN_CLOSE: Record<string, string> = { "«": "»", "“": "”" };
const MIN_WORDS = 3;
const MARKS = /[«»“”"]/gu;

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** The word just before offset `i` in `text`. */
function wordBefore(text: string, i: number): string {
  const m = /([\p{L}\p{M}]+)[^\p{L}\p{M}]*$/u.exec(text.slice(Math.max(0, i - 40), i));
  return m?.[1] ?? "";
}

function speechWordBefore(text: string, i: number): boolean {
  const w = wordBefore(text, i);
  return w !== "" && isSpeechVerb(tokenize(w)[0]);
}

function paired(text: string, base: number, out: Span[]): void {
  let open = -1;
  let closer = "";
  // Only quote marks change the state, so the loop visits them alone.
  for (const m of text.matchAll(MARKS)) {
    const i = m.index;
    const c = m[0];
    if (open < 0) {
      if (c in OPEN_CLOSE) [open, closer] = [i, OPEN_CLOSE[c]!];
      else if (c === '"') [open, closer] = [i, '"'];
      continue;
    }
    if (
      c === '"' &&
      closer === '"' &&
      speechWordBefore(text, i) &&
      wordCount(text.slice(open + 1, i)) > MIN_WORDS + 1
    ) {
      // An unclosed quotation: it ends at the last comma before the speech word; this mark opens the next one.
      const cut = Math.max(text.lastIndexOf("،", i), text.lastIndexOf(",", i));
      if (cut > open) push(text, base, open, cut, out);
      open = i;
      continue;
    }
    if (c === closer) {
      push(text, base, open, i, out);
      open = -1;
    }
  }
}

function push(text: string, base: number, open: number, close: number, out: Span[]): void {
  const inner = text.slice(open + 1, close);
  if (wordCount(inner) < MIN_WORDS) return;
  const lead = inner.length - inner.trimStart().length;
  const trail = inner.length - inner.trimEnd().length;
  out.push({ start: base + open + 1 + lead, end: base + close - trail, at: base + open });
}

/** Colon speech: a speech word (and maybe its subject) then ":" and no quote mark. */
function colonSpeech(text: string, base: number, out: Span[]): void {
  for (const m of text.matchAll(/:\s*/gu)) {
    const colon = m.index ?? 0;
    const after = colon + m[0].length;
    if (/^["«“]/u.test(text.slice(after))) continue;
    const before = text.slice(Math.max(0, colon - 60), colon);
    const words = before
      .split(/[\s،,]+/u)
      .filter(Boolean)
      .slice(-4);
    if (!words.some((w) => isSpeechVerb(tokenize(w)[0]))) continue;
    const rest = text.slice(after);
    const stop = rest.search(/[.!?؟](\s|$)/u);
    const end = after + (stop < 0 ? rest.trimEnd().length : stop);
    if (wordCount(text.slice(after, end)) >= MIN_WORDS)
      out.push({ start: base + after, end: base + end, at: base + colon });
  }
}

/** Quotation spans in `text`, in order. */
export function findQuoteSpans(text: string): Span[] {
  const out: Span[] = [];
  let base = 0;
  for (const para of text.split("\n")) {
    paired(para, base, out);
    colonSpeech(para, base, out);
    base += para.length + 1;
  }
  return out.sort((a, b) => a.start - b.start).filter((s, i, all) => i === 0 || s.start >= all[i - 1]!.end);
}
