/**
 * Quotations in a paragraph, so that a summary never cuts one open.
 *
 * An opening mark («, “ or ") pairs with the next matching close (», ” or ", and ” closing “ or a quotation opened
 * by ” as some sites type it) in the same paragraph; a mark that finds no close is a typing slip and is ignored. A
 * sentence boundary inside a span cuts the quotation; sentences so cut are joined again (units.ts), clause cuts
 * inside a span are not made (trim.ts), and a sentence whose marks still do not pair is not offered (rounds.ts).
 */
export interface Span {
  start: number;
  /** Offset just after the closing mark. */
  end: number;
}

const CLOSE: Record<string, string> = { "«": "»", "“": "”", '"': '"', "”": "”" };

/**
 * Quotation spans of `text`, outermost only, each inside one line. Linear: a close searched for in vain is known
 * absent up to the end of its line, so later openers of that kind on the line are not searched again.
 */
export function quotationSpans(text: string): Span[] {
  const out: Span[] = [];
  const absentUntil = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    const close = CLOSE[text[i]!];
    if (close === undefined || i < (absentUntil.get(close) ?? -1)) {
      i++;
      continue;
    }
    let j = i + 1;
    let found = -1;
    for (; j < text.length && text[j] !== "\n"; j++) {
      if (text[j] === close) {
        found = j;
        break;
      }
    }
    if (found < 0) {
      absentUntil.set(close, j);
      i++;
      continue;
    }
    out.push({ start: i, end: found + 1 });
    i = found + 1;
  }
  return out;
}

/** Whether offset `at` (a cut between two characters) falls strictly inside a quotation of `spans`. */
export function insideQuotation(spans: readonly Span[], at: number): boolean {
  // Spans are sorted and disjoint: the last one starting before `at` is the only candidate.
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < at) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found >= 0 && at < spans[found]!.end;
}

/**
 * Whether every quotation mark of `text` is paired: « before its », “ (or ”) before its ”, and an even number of ".
 * A sentence that fails this starts or ends inside a quotation, or carries a slip of the page's typing; either way a
 * summary cannot quote it as a whole statement.
 */
export function quotesBalanced(text: string): boolean {
  let guillemets = 0;
  let curly = 0;
  let straight = 0;
  let rightOnly = false;
  for (const c of text) {
    if (c === "«") guillemets++;
    else if (c === "»") {
      if (--guillemets < 0) return false;
    } else if (c === "“") curly++;
    else if (c === "”") {
      if (curly > 0) curly--;
      else rightOnly = !rightOnly;
    } else if (c === '"') straight++;
  }
  return guillemets === 0 && curly === 0 && !rightOnly && straight % 2 === 0;
}
