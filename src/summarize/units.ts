import { analyzeTerms, sentences, type Sentence } from "../analysis/ar/index.js";
import type { Article } from "../core/types.js";
import { bylineLength, restatesTitle } from "./boilerplate.js";
import { insideQuotation, quotationSpans } from "./quotation.js";

/**
 * The sentences of a story, analysed once and shared by every part of the summary (selection, citations, timeline).
 *
 * A unit is one sentence of one article's clean `text`, with offsets into that text, its content terms (the shared
 * analysis chain: search fold, stopwords out, light stem) as ids into the story's vocabulary, and its word count.
 * Headings (the title line, subheadings) are units too, so that they can support a citation, but never candidates
 * for the summary itself.
 */
export interface Unit {
  /** Index into `Corpus.units`. */
  id: number;
  /** Index into the story's articles. */
  article: number;
  /** 0-based position among the article's body sentences (headings: -1). */
  position: number;
  text: string;
  start: number;
  end: number;
  /** Content-term ids, in text order (repeats kept). */
  terms: number[];
  /** Whitespace words that hold a letter or a digit: what the `--words` budget counts. */
  words: number;
  heading: boolean;
}

export interface Corpus {
  units: Unit[];
  /** Units of each article, in text order. */
  byArticle: Unit[][];
  /** Term → id. */
  vocab: Map<string, number>;
  /** Per term id: in how many articles it occurs. */
  df: number[];
  articles: number;
}

const WORD = /[\p{L}\p{N}]/u;

/** How many words `text` has, the way the summary budget counts them. */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/u)) if (WORD.test(w)) n++;
  return n;
}

/** Splits and analyses every article of a story. Linear in the total text. */
export function buildCorpus(articles: readonly Article[]): Corpus {
  const corpus: Corpus = { units: [], byArticle: [], vocab: new Map(), df: [], articles: articles.length };
  articles.forEach((article, a) => {
    const headings = headingTexts(article);
    const seen = new Set<number>();
    const own: Unit[] = [];
    let position = 0;
    const firstLineEnd = article.text.indexOf("\n");
    const sentences = clauses(article.text);
    const restated = titleRestatements(article, sentences);
    for (const s of sentences) {
      const heading =
        headings.has(s.text.trim()) ||
        (article.title !== "" && firstLineEnd > 0 && s.end <= firstLineEnd) ||
        restated.some(([from, to]) => s.start >= from && s.end <= to);
      const terms = analyzeTerms(s.text).map((t) => termId(corpus, t));
      for (const t of terms) seen.add(t);
      const unit: Unit = {
        id: corpus.units.length,
        article: a,
        position: heading ? -1 : position++,
        text: s.text,
        start: s.start,
        end: s.end,
        terms,
        words: countWords(s.text),
        heading,
      };
      corpus.units.push(unit);
      own.push(unit);
    }
    for (const t of seen) corpus.df[t] = (corpus.df[t] ?? 0) + 1;
    corpus.byArticle.push(own);
  });
  return corpus;
}

/**
 * Sentences, with those the splitter cut at a semicolon (؛ ;) joined again when the next one goes on in the same
 * paragraph: what follows a semicolon leans on what precedes it ("…بقيادة واشنطن؛ الذي يحارب…") and must not
 * stand alone in a summary. Sentences cut inside a quotation (one longer than the splitter follows) are joined too,
 * so that no unit starts or ends inside «…» (quotation.ts). A byline or dateline opening a paragraph ("عيسى الحربي-
 * سبق- الرياض:") is left out of its sentence (boilerplate.ts): the rest is still a verbatim span of the text.
 */
export function clauses(text: string): Sentence[] {
  const out: Sentence[] = [];
  const spans = quotationSpans(text);
  for (const s of sentences(text)) {
    const prev = out[out.length - 1];
    const sameParagraph = prev !== undefined && !text.slice(prev.end, s.start).includes("\n");
    if (prev && sameParagraph && (/[؛;]$/u.test(prev.text) || insideQuotation(spans, prev.end))) {
      out[out.length - 1] = { text: text.slice(prev.start, s.end), start: prev.start, end: s.end };
    } else out.push(s);
  }
  return out.map((s) => withoutByline(text, s));
}

function withoutByline(text: string, s: Sentence): Sentence {
  if (text.slice(text.lastIndexOf("\n", s.start - 1) + 1, s.start).trim() !== "") return s;
  const cut = bylineLength(s.text);
  if (cut === 0 || cut >= s.text.length) return s;
  return { text: s.text.slice(cut), start: s.start + cut, end: s.end };
}

function termId(corpus: Corpus, term: string): number {
  let id = corpus.vocab.get(term);
  if (id === undefined) {
    id = corpus.vocab.size;
    corpus.vocab.set(term, id);
    corpus.df.push(0);
  }
  return id;
}

/**
 * Spans that restate the title under a label ("رابط الخبر بصحيفة …: <title>"), from a sentence's start to the end of
 * its line: the label may follow another sentence on the line, and the title may hold a stop ("بأمر الملك.. …").
 */
function titleRestatements(article: Article, sentences: readonly Sentence[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const text = article.text;
  for (const s of sentences) {
    const end = text.indexOf("\n", s.start);
    const lineEnd = end < 0 ? text.length : end;
    if (restatesTitle(text.slice(s.start, lineEnd), article.title)) out.push([s.start, lineEnd]);
  }
  return out;
}

/** Title and subheading texts: lines that head the article rather than state its news. */
function headingTexts(article: Article): Set<string> {
  const out = new Set<string>();
  if (article.title) out.add(article.title.trim());
  for (const b of article.blocks)
    if (b.role === "title" || b.role === "subheading" || b.role === "title-duplicate") out.add(b.text.trim());
  return out;
}
