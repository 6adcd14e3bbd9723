import { analyzeTerms } from "../analysis/ar/index.js";
import type { Article, StoryQuote } from "../core/types.js";

/** Quotes kept per speaker, and speakers kept per story. */
export const QUOTES_PER_SPEAKER = 3;
export const MAX_SPEAKERS = 12;
/** A quote shorter than this (in content terms) is a phrase in quotation marks, not a statement. */
const MIN_TERMS = 3;

interface Candidate {
  quote: StoryQuote;
  terms: Set<string>;
  articles: Set<string>;
}

/**
 * Key quotes per speaker. The same words quoted by several outlets are one quote (content terms ≥ 70% shared,
 * either way), credited to the first article in story order and ranked by how many articles carry it; then the
 * fuller statement first. Quotes without a known speaker are left out: "who said what" needs the who.
 * Speakers are ordered by how many of their quotes the story carries. `perSpeaker` keeps the best few of each.
 */
export function keyQuotes(articles: readonly Article[], perSpeaker = QUOTES_PER_SPEAKER): StoryQuote[] {
  const bySpeaker = new Map<string, Candidate[]>();
  for (const a of articles) {
    for (const q of a.quotes) {
      if (q.speaker === null) continue;
      const terms = new Set(analyzeTerms(q.text));
      if (terms.size < MIN_TERMS) continue;
      const list = bySpeaker.get(q.speaker.id) ?? [];
      bySpeaker.set(q.speaker.id, list);
      const same = list.find((c) => overlap(c.terms, terms) >= 0.7);
      if (same) same.articles.add(a.id);
      else
        list.push({
          quote: { speaker: { ...q.speaker }, text: q.text, article: a.id },
          terms,
          articles: new Set([a.id]),
        });
    }
  }
  return [...bySpeaker.values()]
    .sort((x, y) => y.length - x.length)
    .slice(0, MAX_SPEAKERS)
    .flatMap((list) =>
      [...list]
        .sort((x, y) => y.articles.size - x.articles.size || y.terms.size - x.terms.size)
        .slice(0, perSpeaker)
        .map((c) => c.quote),
    );
}

/** Share of the smaller set found in the larger. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let n = 0;
  for (const t of small) if (large.has(t)) n++;
  return n / small.size;
}
