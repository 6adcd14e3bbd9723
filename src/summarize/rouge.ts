import { normalizer, tokenize } from "../analysis/ar/index.js";

/**
 * ROUGE-N (Lin 2004) for Arabic, as scripts/rouge-eval.ts reports it.
 *
 * Tokenisation (documented because ROUGE figures mean nothing without it): rasd's tokenizer (runs of letters and
 * marks of one script, numbers with their inner separators; punctuation dropped), each token in the `search` normal
 * form (آأإٱ→ا, ى→ي, ة→ه, harakat and tatweel dropped, Arabic-Indic digits → ASCII, Latin lower-cased). No stemming
 * and no stopword removal: the clitics stay attached (والولايات is one token), as in the MultiLing evaluations that
 * ran ROUGE over whitespace tokens. Counts are clipped (an n-gram matches at most as often as the model has it).
 *
 * With several model summaries, each score is computed against each model and averaged (ROUGE's default "average"
 * over references, without jackknifing).
 *
 * NOT the published ROUGE-1.5.5 setting, so these figures are not comparable with MultiLing 2011's (0.086–0.128
 * for the systems, 0.149 for the topline):
 *   - ROUGE-1.5.5 lower-cases and turns every character outside [a-z0-9] into a space; Arabic has to be
 *     transliterated or byte-mapped before it, and its tokens are whatever that mapping yields. Ours are rasd tokens.
 *   - Our `search` fold merges hamza/alef, ya/alef maqsura and ta marbuta/ha variants and drops harakat: more
 *     matches than an exact comparison of the original letters (higher scores).
 *   - No jackknifing over the models (ROUGE-1.5.5 with several references and `-f A` averages leave-one-out
 *     scores), no resampling confidence intervals, no stemming, no stopword removal.
 *   - Only the topics with model summaries in ../shared/corpus (5 of 10) are scored, not the full evaluation set.
 * Compare systems with each other inside one run of scripts/rouge-eval.ts, never with published figures.
 */
export const TOKENISATION_NOTE =
  "rasd tokens, `search` fold (alef/ya/ta-marbuta variants merged), no stemming, no stopwords, no jackknifing: NOT ROUGE-1.5.5's tokenisation; do not compare with published MultiLing 2011 figures";

const fold = normalizer("search");

export function rougeTokens(text: string): string[] {
  return tokenize(text)
    .map((t) => fold(t.text))
    .filter((t) => t.length > 0);
}

export interface RougeScore {
  recall: number;
  precision: number;
  f1: number;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(" ");
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** ROUGE-N of one candidate against one model summary, both already tokenised. */
export function rougeN(candidate: readonly string[], model: readonly string[], n: number): RougeScore {
  const c = ngramCounts(candidate, n);
  const m = ngramCounts(model, n);
  let hit = 0;
  let mTotal = 0;
  let cTotal = 0;
  for (const [g, k] of m) {
    mTotal += k;
    hit += Math.min(k, c.get(g) ?? 0);
  }
  for (const k of c.values()) cTotal += k;
  const recall = mTotal === 0 ? 0 : hit / mTotal;
  const precision = cTotal === 0 ? 0 : hit / cTotal;
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return { recall, precision, f1 };
}

/** ROUGE-N against several models, averaged over the models. */
export function rougeMulti(candidate: string, models: readonly string[], n: number): RougeScore {
  const c = rougeTokens(candidate);
  const scores = models.map((m) => rougeN(c, rougeTokens(m), n));
  const avg = (k: keyof RougeScore) => (scores.length === 0 ? 0 : scores.reduce((s, x) => s + x[k], 0) / scores.length);
  return { recall: avg("recall"), precision: avg("precision"), f1: avg("f1") };
}

/** The first `limit` words of `text` (ROUGE's `-l`), counted as rougeTokens counts them. */
export function truncateTokens(tokens: readonly string[], limit: number): string[] {
  return tokens.slice(0, limit);
}
