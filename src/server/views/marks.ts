import { hasArabic } from "../../i18n/index.js";
import { runsIsolated, verbatim } from "./bidi.js";
import { html, type Html } from "./html.js";

/** `text` with every occurrence of the needles wrapped in <mark class="…">, all of it escaped and isolated. */
export function markSubstrings(text: string, needles: readonly string[], cls: string): Html {
  const ranges: Array<[number, number]> = [];
  for (const n of needles) {
    if (n.trim() === "") continue;
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) ranges.push([i, i + n.length]);
  }
  return markRanges(
    text,
    ranges.map(([start, end]) => ({ start, end })),
    cls,
  );
}

/**
 * `text` with the given ranges (offsets into it) marked; overlapping ranges merge. Latin and numeric runs are
 * isolated in each piece.
 */
export function markRanges(text: string, ranges: ReadonlyArray<{ start: number; end: number }>, cls: string): Html {
  const sorted = ranges
    .filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start)
    .slice()
    .sort((a, b) => a.start - b.start);
  // Pieces of an Arabic text isolate their runs only; a text without Arabic is isolated piece by piece.
  const show = hasArabic(text) ? runsIsolated : verbatim;
  const parts: Html[] = [];
  let at = 0;
  for (const r of sorted) {
    if (r.end <= at) continue;
    const start = Math.max(at, r.start);
    parts.push(html`${show(text.slice(at, start))}<mark class="${cls}">${show(text.slice(start, r.end))}</mark>`);
    at = r.end;
  }
  parts.push(show(text.slice(at)));
  return html`${parts}`;
}
