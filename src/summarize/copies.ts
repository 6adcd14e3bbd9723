import { identityWords, SHINGLE_WORDS } from "../dedup/shingles.js";
import { MIN_SHINGLES_FOR_NEAR, NEAR_DUPLICATE_JACCARD } from "../dedup/dedup-index.js";
import type { Article } from "../core/types.js";

/**
 * Copy links inside an ad-hoc story (`rasd summarize` over files that were never ingested, so the store's dedup
 * links do not exist). Same rule as src/dedup: identity-normalised word 3-shingles; equal word sequences are exact
 * copies, Jaccard ≥ NEAR_DUPLICATE_JACCARD near copies. Here the Jaccard is exact (a story holds at most a few
 * hundred articles: all pairs are cheap), not MinHash-estimated. A copy links to the earliest article of its group
 * (by `order`, earliest first), which is not itself a copy.
 */
export function copyLinks(articles: readonly Article[], order: readonly number[]): (string | null)[] {
  const shingles = articles.map((a) => shingleSet(identityWords(a.text)));
  const exact = articles.map((a) => identityWords(a.text).join(" "));
  const out: (string | null)[] = articles.map(() => null);
  const originals: number[] = [];
  for (const i of order) {
    const orig = originals.find((j) => exact[j] === exact[i] || near(shingles[i]!, shingles[j]!));
    if (orig === undefined) originals.push(i);
    else out[i] = articles[orig]!.id;
  }
  return out;
}

function shingleSet(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(" "));
  return out;
}

function near(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size < MIN_SHINGLES_FOR_NEAR || b.size < MIN_SHINGLES_FOR_NEAR) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  // Jaccard ≥ t needs |small| ≥ t·|large|: most pairs are ruled out before counting.
  if (small.size < NEAR_DUPLICATE_JACCARD * large.size) return false;
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common) >= NEAR_DUPLICATE_JACCARD;
}
