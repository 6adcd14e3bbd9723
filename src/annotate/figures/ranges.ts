/**
 * Ranges of figures: `بين 10 و20 مليون دولار`, `من 5 إلى 7 مليارات`, `10-20 ألف شخص`. The first end is read alone
 * as a bare number; here it takes the unit and scale the second end states, and the two ends become `at least` and
 * `at most` (the Figure contract has one value per figure).
 */
import type { Figure } from "../../core/types.js";
import { fold } from "../text/tokens.js";
import { NUMBER_WORDS } from "../text/number-words.js";

/** What may stand between the two ends, by the word that opens the range (none: a bare dash). */
const JOINS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["بين", new Set(["و"])],
  ["من", new Set(["الي", "حتي", "لغايه", "-", "–"])],
  ["", new Set(["-", "–"])],
]);

/** The scale word a figure's text ends its number with (مليون، مليارات، ألف), as a multiplier, or 1. */
function scaleOf(words: string[]): number {
  for (const w of words) {
    const nw = NUMBER_WORDS.get(w);
    if (nw?.cls === "scale")
      return nw.value === 2000 ? 1000 : nw.value === 2e6 ? 1e6 : nw.value === 2e9 ? 1e9 : nw.value;
  }
  return 1;
}

function foldedWords(s: string): string[] {
  return fold(s)
    .split(/[\s\d.,]+/u)
    .filter(Boolean);
}

/** Joins the ends of each range in `figs` (in text order), in place. */
export function joinRanges(text: string, figs: Figure[]): void {
  for (let k = 0; k + 1 < figs.length; k++) {
    const a = figs[k]!;
    const b = figs[k + 1]!;
    if (a.unit !== null || b.unit === null || a.qualifier !== undefined) continue;
    const between = fold(text.slice(a.end, b.start)).trim();
    const before = foldedWords(text.slice(Math.max(0, a.start - 12), a.start)).at(-1) ?? "";
    const opener = JOINS.has(before) ? before : "";
    if (!JOINS.get(opener)!.has(between)) continue;
    const sa = scaleOf(foldedWords(a.text));
    const sb = scaleOf(foldedWords(b.text));
    a.unit = b.unit;
    if (sa === 1 && sb !== 1) a.value = Number((a.value * sb).toPrecision(15));
    a.qualifier = "at least";
    b.qualifier ??= "at most";
    // The second end's `about` read backwards stops at the first end (من 5 إلى 7 مليارات: "إلى"): no measure.
    if (b.about !== undefined && text.slice(a.start, b.start).includes(b.about)) delete b.about;
    if (b.about !== undefined) a.about = b.about;
    else delete a.about;
    k++;
  }
}
