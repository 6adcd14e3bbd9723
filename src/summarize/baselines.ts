import type { Article } from "../core/types.js";
import { candidates, centroid, unitVectors } from "./select.js";
import type { Corpus, Unit } from "./units.js";
import { cosine } from "./vectors.js";

/**
 * The baselines scripts/rouge-eval.ts sets rasd's summaries against. Same units, same budget, nothing clever.
 *
 * - `leadLatest`: the opening sentences of the most recent article (TAC's baseline).
 * - `leadRoundRobin`: the first sentence of every article (oldest first), then every second sentence, and so on.
 * - `centroidBaseline`: MEAD's centroid score alone; a sentence too close (cos > 0.5) to one already taken is skipped.
 */
export function leadLatest(corpus: Corpus, articles: readonly Article[], words: number): Unit[] {
  let latest = 0;
  articles.forEach((a, i) => {
    if ((a.published.date ?? "") > (articles[latest]!.published.date ?? "")) latest = i;
  });
  return fill(
    corpus.byArticle[latest]!.filter((u) => !u.heading),
    words,
  );
}

export function leadRoundRobin(corpus: Corpus, words: number): Unit[] {
  const order: Unit[] = [];
  const bodies = corpus.byArticle.map((us) => us.filter((u) => !u.heading));
  const longest = Math.max(0, ...bodies.map((b) => b.length));
  for (let i = 0; i < longest; i++) for (const b of bodies) if (b[i]) order.push(b[i]!);
  return fill(order, words);
}

export function centroidBaseline(corpus: Corpus, words: number): Unit[] {
  const vecs = unitVectors(corpus);
  const center = centroid(corpus, vecs);
  const ranked = candidates(corpus)
    .map((u) => ({ u, s: cosine(vecs[u.id]!, center) }))
    .sort((a, b) => b.s - a.s);
  const out: Unit[] = [];
  let left = words;
  for (const { u } of ranked) {
    if (u.words > left) continue;
    if (out.some((o) => cosine(vecs[o.id]!, vecs[u.id]!) > 0.5)) continue;
    out.push(u);
    left -= u.words;
  }
  return out;
}

/** Takes units in order while they fit the budget. */
function fill(order: readonly Unit[], words: number): Unit[] {
  const out: Unit[] = [];
  let left = words;
  for (const u of order) {
    if (u.words > left) continue;
    out.push(u);
    left -= u.words;
  }
  return out;
}
