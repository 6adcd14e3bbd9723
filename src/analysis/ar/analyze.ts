import { forEachToken } from "./tokenize.js";
import type { TokenKind } from "./tokenize.js";
import { normalizer } from "./normalize.js";
import { isStopword } from "./stopwords.js";
import { stemmerFor } from "./stem.js";
import type { Scheme } from "./stem.js";

/**
 * The one analysis chain search, dedup and clustering share (index and query alike, as Lucene's ArabicAnalyzer):
 *
 *   tokenize ──► search fold ──► stopwords out ──► stem (scheme)
 *
 * Word, number and percent tokens become terms; URLs and mentions are kept folded but unstemmed; a hashtag gives
 * the terms of its words (#قمة_الرياض → قمه, رياض).
 */
export interface AnalyzeOptions {
  /** Default `rasd`. */
  scheme?: Scheme;
  /** Drop stopwords (default true). */
  stopwords?: boolean;
}

/** A term with the span of the token it came from (for highlighting). */
export interface Term {
  term: string;
  start: number;
  end: number;
}

const fold = normalizer("search");

export function analyzeTerms(text: string, opts: AnalyzeOptions = {}): string[] {
  const out: string[] = [];
  analyzeInto(text, opts, (term) => out.push(term));
  return out;
}

/** Like analyzeTerms, with each term's source offsets. */
export function analyzeWithOffsets(text: string, opts: AnalyzeOptions = {}): Term[] {
  const out: Term[] = [];
  analyzeInto(text, opts, (term, start, end) => out.push({ term, start, end }));
  return out;
}

/** Analyses one token (or returns null for a stopword or an empty fold). */
export function analyzeToken(token: string, opts: AnalyzeOptions = {}): string | null {
  let result: string | null = null;
  analyzeInto(token, opts, (term) => {
    result ??= term;
  });
  return result;
}

function analyzeInto(
  text: string,
  opts: AnalyzeOptions,
  emit: (term: string, start: number, end: number) => void,
): void {
  const stem = stemmerFor(opts.scheme ?? "rasd");
  const dropStop = opts.stopwords !== false;
  forEachToken(text, (start, end, kind) => {
    if (kind === "hashtag") {
      analyzeInto(text.slice(start + 1, end).replace(/_/gu, " "), opts, (t, a, b) =>
        emit(t, start + 1 + a, start + 1 + b),
      );
      return;
    }
    const raw = text.slice(start, end);
    const folded = fold(kind === "percent" ? raw.replace(/\s*[%٪]$/u, "") : raw);
    if (folded.length === 0) return;
    if (!isWordKind(kind)) {
      emit(folded, start, end);
      return;
    }
    if (dropStop && isStopword(folded)) return;
    const term = stem(folded, raw);
    if (term.length > 0) emit(term, start, end);
  });
}

function isWordKind(kind: TokenKind): boolean {
  return kind === "arabic" || kind === "latin" || kind === "word";
}
