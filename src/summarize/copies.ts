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
  const words = articles.map((a) => identityWords(a.text));
  const shingles = words.map(shingleSet);
  const exact = words.map((w) => w.join(" "));
  const out: (string | null)[] = articles.map(() => null);
  const originals: number[] = [];
  for (const i of order) {
    const orig = originals.find((j) => exact[j] === exact[i] || near(shingles[i]!, shingles[j]!));
    if (orig === undefined) originals.push(i);
    else out[i] = articles[orig]!.id;
  }
  return out;
}

/** Word 3-shingles as 32-bit FNV-1a hashes (a collision now and then moves a Jaccard by a hair, no more). */
function shingleSet(words: readonly string[]): Set<number> {
  const ids = words.map(fnv1a);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= ids.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = Math.imul(h ^ ids[i + k]!, 0x01000193) >>> 0;
    out.add(h);
  }
  return out;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function near(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size < MIN_SHINGLES_FOR_NEAR || b.size < MIN_SHINGLES_FOR_NEAR) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  // Jaccard ≥ t needs |small| ≥ t·|large|: most pairs are ruled out before counting.
  if (small.size < NEAR_DUPLICATE_JACCARD * large.size) return false;
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common) >= NEAR_DUPLICATE_JACCARD;
}
