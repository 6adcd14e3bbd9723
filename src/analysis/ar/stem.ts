import { luceneNormalize, luceneStem } from "./stem/lucene.js";
import { rasdStem } from "./stem/rasd.js";
import { snowball } from "./stem/snowball.js";
import { normalizer } from "./normalize.js";

/**
 * The stemming schemes `rasd analyze --stems --scheme …` and search offer. Each takes one token as it appears in the
 * text and returns its search term (normalised, then stemmed). Stems serve recall only: never use one as a key.
 *
 * - `rasd` (default): the `search` fold, then rasd's own stemmer (stem/rasd.ts).
 * - `lucene`: exactly Lucene's ArabicNormalizer + ArabicStemmer, then the `search` fold for what Lucene leaves
 *   (digits, Persian letters, presentation forms, Latin case).
 * - `snowball`: Snowball Arabic on the token with only invisible marks removed (it needs ة and ى), then the fold.
 * - `none`: the `search` fold only.
 */
export type Scheme = "rasd" | "lucene" | "snowball" | "none";

export const SCHEMES: readonly Scheme[] = ["rasd", "lucene", "snowball", "none"];

export function isScheme(s: string): s is Scheme {
  return (SCHEMES as readonly string[]).includes(s);
}

const fold = normalizer("search");
/** What Snowball is given: invisible and decorative marks gone, harakat and letter shapes kept for it to handle. */
const snowballInput = normalizer({
  tatweel: true,
  harakat: true,
  marks: true,
  joiners: true,
  invisibles: true,
  persian: true,
  digits: true,
  presentation: true,
  lowercase: true,
});

/** Stems one search-normalised token (what `analyzeTerms` does after the stopword check). */
export type Stemmer = (folded: string, raw: string) => string;

const STEMMERS: Record<Scheme, Stemmer> = {
  rasd: (folded) => (isArabicWord(folded) ? rasdStem(folded) : folded),
  lucene: (_folded, raw) => fold(luceneStem(luceneNormalize(raw))),
  snowball: (_folded, raw) => fold(snowball(snowballInput(raw))),
  none: (folded) => folded,
};

export function stemmerFor(scheme: Scheme): Stemmer {
  return STEMMERS[scheme];
}

/** Stems one token with a scheme: `stem("والولايات", "rasd")`. */
export function stem(token: string, scheme: Scheme = "rasd"): string {
  return STEMMERS[scheme](fold(token), token);
}

/** Only Arabic-script words are stemmed by rasd; Latin words, numbers and the rest pass folded but whole. */
function isArabicWord(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0x0620 && c <= 0x06ff;
}
