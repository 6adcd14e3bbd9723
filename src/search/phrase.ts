import { analyzeTerms, analyzeWithOffsets } from "../analysis/ar/analyze.js";

/**
 * Phrases in a query: text in double quotes ("…", “…”, «…»). A phrase matches where its words stand next to each
 * other in the article, after the same analysis as the index (so "التحالف الدولي" finds «للتحالف الدولي» but not
 * «مطار الملك خالد الدولي»). Stopwords stay in the comparison: the words must follow one another as written.
 */
export interface ParsedQuery {
  /** The query without its quotation marks: every word of it is a search term. */
  text: string;
  /** Each phrase's terms, in order, stopwords kept. */
  phrases: string[][];
  /** Each phrase's index terms (stopwords out): an article must hold all of them to be a candidate. */
  phraseIndexTerms: string[][];
}

const QUOTED = /"([^"]*)"|“([^”]*)”|«([^»]*)»/gu;

export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = [];
  const phraseIndexTerms: string[][] = [];
  for (const m of query.matchAll(QUOTED)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? "";
    const terms = analyzeWithOffsets(inner, { stopwords: false }).map((t) => t.term);
    if (terms.length < 2) continue; // one word in quotes is that word
    phrases.push(terms);
    phraseIndexTerms.push([...new Set(analyzeTerms(inner))]);
  }
  return {
    text: query.replace(QUOTED, (_m, a?: string, b?: string, c?: string) => ` ${a ?? b ?? c ?? ""} `),
    phrases,
    phraseIndexTerms,
  };
}

/** Whether `text` holds every phrase, each as consecutive terms. */
export function hasPhrases(text: string, phrases: readonly string[][]): boolean {
  if (phrases.length === 0) return true;
  const terms = analyzeWithOffsets(text, { stopwords: false }).map((t) => t.term);
  return phrases.every((p) => containsRun(terms, p));
}

function containsRun(hay: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= hay.length; i++) {
    for (let k = 0; k < run.length; k++) if (hay[i + k] !== run[k]) continue outer;
    return true;
  }
  return false;
}
