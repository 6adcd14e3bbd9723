/**
 * Annotating one line of text, for `rasd annotate`: dates (resolved against a reference time) and figures, with
 * offsets into the line. Entities and quotes come from other annotators: each is a `LineAnnotator` in
 * `LINE_ANNOTATORS`, run in order on the same line and the same result object, so adding one is one entry here.
 */
import type { ArticleEntity, DateRef, Figure, Quote } from "../core/types.js";
import { findDates } from "./dates/find.js";
import { toDateRef } from "./dates/article.js";
import { dt, type DT } from "./dates/calendar.js";
import type { Bias } from "./dates/resolve.js";
import { findFigures } from "./figures/find.js";
import { tokenize, type Token } from "./text/tokens.js";
import { EntityRegistry, annotateEntities } from "./entities/index.js";
import { annotateQuotes } from "./quotes/index.js";
import { emptyArticle } from "../core/stage.js";

export interface LineAnnotations {
  dates: DateRef[];
  figures: Figure[];
  entities: ArticleEntity[];
  quotes: Quote[];
}

export interface LineOptions {
  /** Reference time for relative expressions; null resolves only absolute ones. */
  ref: DT | null;
  /** How open expressions read (default `past`, news; see dates/resolve.ts). */
  bias?: Bias;
}

/**
 * Adds what it finds in `text` to `out` (reading what earlier annotators put there if it needs to). `toks` are the
 * line's tokens (../dates/tokens.ts), shared so that the line is split once.
 */
export type LineAnnotator = (text: string, out: LineAnnotations, opts: LineOptions, toks: readonly Token[]) => void;

/** Dates first: figures skip the numbers that belong to a date. */
export const annotateLineDates: LineAnnotator = (text, out, opts, toks) => {
  for (const found of findDates(text, toks)) {
    const ref = toDateRef({ found, role: "text" }, opts.bias ? { ref: opts.ref, bias: opts.bias } : { ref: opts.ref });
    out.dates.push(ref);
  }
};

export const annotateLineFigures: LineAnnotator = (text, out, _opts, toks) => {
  out.figures.push(...findFigures(text, out.dates, toks));
};

/**
 * Entities, then quotes (whose speakers are entities). The registry is shared by the lines of one run, so a name
 * seen with its title on one line is recognised bare on the next, as across the articles of an ingest.
 */
export function lineEntitiesAndQuotes(registry = new EntityRegistry()): LineAnnotator {
  return (text, out) => {
    const article = emptyArticle({ path: "-" });
    article.text = text;
    article.lang = "ar";
    article.entities = annotateEntities(article, registry);
    article.quotes = annotateQuotes(article);
    out.entities.push(...article.entities);
    out.quotes.push(...article.quotes);
  };
}

/** The annotators `rasd annotate` runs, in order: dates first (figures skip numbers inside dates). */
export const LINE_ANNOTATORS: LineAnnotator[] = [annotateLineDates, annotateLineFigures, lineEntitiesAndQuotes()];

/** Annotates one line. Never throws on any input string. */
export function annotateLine(
  text: string,
  opts: LineOptions,
  annotators: readonly LineAnnotator[] = LINE_ANNOTATORS,
): LineAnnotations {
  const out: LineAnnotations = { dates: [], figures: [], entities: [], quotes: [] };
  const toks = tokenize(text);
  for (const a of annotators) a(text, out, opts, toks);
  return out;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO 8601 reference time (`2013-02-12T04:30:00-02:00`, `2013-02-12`) into the wall-clock time it
 * states, in its own offset (a news page's "today" is the day where it was written). Null when malformed.
 */
export function parseReference(s: string): DT | null {
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0));
  const t = dt(y!, mo!, d!, h!, mi!, sec!);
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || sec! > 59) return null;
  return t;
}

/** Now, in local wall-clock time. */
export function nowReference(): DT {
  const n = new Date();
  return dt(n.getFullYear(), n.getMonth() + 1, n.getDate(), n.getHours(), n.getMinutes(), n.getSeconds());
}
