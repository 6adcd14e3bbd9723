import { quotesBalanced } from "./quotation.js";
import { REPEAT_COSINE, unitVectors } from "./select.js";
import { headClause } from "./trim.js";
import type { Corpus, Unit } from "./units.js";
import { cosine, type Vec } from "./vectors.js";

/**
 * Selection in rounds, one sentence per article per round: the summary of an evolving story.
 *
 * Each article of a story reports a development, and news writing states it in the article's first sentence (the
 * inverted pyramid). So every article gets its say before any gets a second: round 1 offers each article's earliest
 * sentence that does not repeat what is already chosen, round 2 the next one, and so on, until the budget is spent.
 *
 * Inside round 1 the articles are served in story order (oldest first), except that an article published on a day
 * the summary already covers waits until every other day has had its turn: two reports of the same day mostly tell
 * the same development, so when the budget cannot hold every article's lead, it is the second report of a day that
 * drops out, not the story's later days (the time span stays covered). Undated articles are a day of their own.
 * Later rounds go in story order: what an early article adds after its lead is the background the rest builds on.
 *
 * A run-on sentence is offered as its head clause (trim.ts), which keeps its article's turn from costing two.
 * A sentence that almost repeats a chosen one (cosine ≥ REPEAT_COSINE: a copy, a re-run wire story) is passed over
 * for that article's next sentence. Sentences shorter than MIN_WORDS (datelines, captions) or longer than MAX_WORDS
 * (run-on text the splitter could not cut) are never offered, nor a sentence whose quotation marks do not pair
 * (quotation.ts: it would quote half a statement).
 */
export interface RoundOptions {
  /** Word budget (≥ 1). */
  words: number;
  /** Publication day of each article, in corpus order; null (or absent) when unknown. */
  dates?: readonly (string | null)[];
}

export const MIN_WORDS = 6;
export const MAX_WORDS = 70;

interface Cand {
  unit: Unit;
  vec: Vec;
}

/** Units cut to their head clause get ids from `corpus.units.length` on: see trim.ts. */
export function selectRounds(corpus: Corpus, opts: RoundOptions): Unit[] {
  const vecs = unitVectors(corpus);
  let nextId = corpus.units.length;
  const queues = corpus.byArticle.map((us) =>
    us
      .filter((u) => !u.heading && u.words >= MIN_WORDS && u.words <= MAX_WORDS && quotesBalanced(u.text))
      .map((u): Cand => ({ unit: headClause(corpus, u, nextId++, MIN_WORDS), vec: vecs[u.id]! })),
  );
  const day = (article: number) => opts.dates?.[article] ?? `undated ${article}`;
  const chosen: Cand[] = [];
  const days = new Set<string>();
  let budget = opts.words;
  for (let round = 0; ; round++) {
    const offers = roundOffers(queues, chosen, budget);
    if (offers.length === 0) break;
    const order = round === 0 ? newDaysFirst(offers, days, day) : offers;
    for (const c of order) {
      if (c.unit.words > budget || repeats(chosen, c)) continue;
      chosen.push(c);
      days.add(day(c.unit.article));
      budget -= c.unit.words;
    }
  }
  return chosen.map((c) => c.unit);
}

/** Story order, but each day's first article before any day's second one (a stable partition). */
function newDaysFirst(offers: readonly Cand[], days: Set<string>, day: (article: number) => string): Cand[] {
  const seen = new Set(days);
  const first: Cand[] = [];
  const later: Cand[] = [];
  for (const c of offers) {
    const d = day(c.unit.article);
    if (seen.has(d)) later.push(c);
    else {
      seen.add(d);
      first.push(c);
    }
  }
  return [...first, ...later];
}

/** Each article's earliest remaining sentence that fits and does not repeat a chosen one (taken off its queue). */
function roundOffers(queues: Cand[][], chosen: readonly Cand[], budget: number): Cand[] {
  const out: Cand[] = [];
  for (const q of queues) {
    while (q.length > 0) {
      const c = q.shift()!;
      if (c.unit.words > budget || repeats(chosen, c)) continue;
      out.push(c);
      break;
    }
  }
  return out;
}

function repeats(chosen: readonly Cand[], c: Cand): boolean {
  return chosen.some((x) => cosine(x.vec, c.vec) >= REPEAT_COSINE);
}
