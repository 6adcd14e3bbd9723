import { analyzeTerms } from "../analysis/ar/index.js";
import { memoTerms } from "../analysis/ar/memo.js";
import type { Article } from "../core/types.js";
import type { DocFreq } from "./df.js";
import { TermVector } from "./vector.js";

/** Terms kept per article vector: the heaviest by tf-idf. Default 40, range 10–200. */
export const ARTICLE_TERMS = 40;
/**
 * Terms with a lower idf are left out of the vector: words in more than ~3% of news articles (قال, دول, وزير…)
 * make every pair of stories on one subject look alike. Default 3.5 (ln(1 + N/df) ≥ 3.5 ⇔ df ≤ N/32), range 0–6.
 */
export const MIN_TERM_IDF = 3.5;
const DAY_MS = 86_400_000;
/** An entity id the gazetteer did not give (`e` + 64-bit hash of the name, src/annotate/entities/ids.ts). */
const HASHED_ID = /^e[0-9a-f]{16}$/u;

/**
 * What clustering compares, computed once per article and stored (`cluster_articles.features`), so that the
 * in-memory state can be rebuilt without re-analysing text.
 */
export interface ArticleFeatures {
  id: string;
  /** Publication day (days since 1970-01-01, UTC), or null when the page does not fix the day. */
  day: number | null;
  /** Unit-length tf-idf vector over analysed terms, the heaviest ARTICLE_TERMS, heaviest first. */
  terms: Map<string, number>;
  /** `terms` sorted by key for comparisons, made on first use (`vectorOf`); never stored. */
  vector?: TermVector;
  /** `entities` and `title` as key-sorted vectors of ones, made on first use (a profile adds them as counts). */
  entityVector?: TermVector;
  titleVector?: TermVector;
  /** `entities` as index keys (`e:` + id), made on first use (groups.ts). */
  entityKeys?: string[];
  /** Entity ids (one per entity, whatever its spelling). */
  entities: string[];
  /** Analysed title terms, distinct. */
  title: string[];
  /**
   * Ids of the places the article names that the gazetteer knows (countries, regions, cities), sorted. Names it does
   * not know are left out: a misread name there would make one article look as if it happened elsewhere.
   */
  places: string[];
  /**
   * Of `places`, those the article names most (at least half as often as its most named one), sorted: where the
   * story happens, which tells two like events in two countries apart (`placeFactor`, similarity.ts).
   */
  mainPlaces: string[];
  /**
   * The outlet that published it (its publisher's name), when known: one outlet's reports of one subject on two
   * days are two issues of a beat or a follow-up, not one report (StoryRules.oneDayPerOutlet).
   */
  outlet?: string;
}

/** The article's terms as a key-sorted vector (made once, on first use). */
export function vectorOf(f: ArticleFeatures): TermVector {
  return (f.vector ??= TermVector.of(f.terms));
}

export function entityVectorOf(f: ArticleFeatures): TermVector {
  return (f.entityVector ??= TermVector.of(f.entities.map((e) => [e, 1])));
}

export function titleVectorOf(f: ArticleFeatures): TermVector {
  return (f.titleVector ??= TermVector.of(f.title.map((t) => [t, 1])));
}

/** Day number of an ISO date (YYYY-MM-DD…), or null. */
export function dayOf(iso: string | null | undefined): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/u.test(iso)) return null;
  const t = Date.parse(iso.slice(0, 10) + "T00:00:00Z");
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The article's day: its publication date at day precision; a date of lower precision says too little. A scraped
 * record the page does not date falls back to the day it was crawled: news is fetched within hours of appearing, and
 * an undated article with no time at all would join stories from any week.
 */
export function articleDay(a: Article): number | null {
  if (a.published.precision === "day") return dayOf(a.published.date);
  if (a.published.date === null && a.source.crawled !== undefined) return dayOf(a.source.crawled);
  return null;
}

/**
 * What clustering needs from the analysis chain (tokenise, normalise, stem), computed once per article: the terms of
 * its text (its title when it has no text) in order, and the distinct terms of its title. It depends on the article
 * alone, so it can run before the clustering hook (and outside its lock), as the analysis stage does.
 */
export interface AnalysedArticle {
  terms: readonly string[];
  title: string[];
}

export function analyseArticle(a: Article): AnalysedArticle {
  return { terms: articleTerms(a), title: [...new Set(titleTerms(a))] };
}

/** Analysed terms of the article's title, in order, remembered (memoTerms) like the text's. */
export function titleTerms(a: Article): readonly string[] {
  return memoTerms(a.title);
}

/**
 * Analysed terms of the article (title and body), for document frequencies. Remembered (memoTerms): the search
 * index analyses the same text the same way.
 */
export function articleTerms(a: Article): readonly string[] {
  return memoTerms(a.text.length > 0 ? a.text : a.title);
}

/** Term → count in the article's analysed terms. */
export function termCounts(analysed: AnalysedArticle): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of analysed.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/**
 * The article's features; `tf` is `termCounts(analysed)` when the caller has it already, and `idfs` the idf of each
 * of its terms in its order (what `DocFreq.observe` returns) when the caller has those.
 */
export function extractFeatures(
  a: Article,
  analysed: AnalysedArticle,
  df: DocFreq,
  tf = termCounts(analysed),
  idfs?: Float64Array,
): ArticleFeatures {
  const titleTerms = analysed.title;
  const inTitle = new Set(titleTerms);
  const weights: [string, number][] = [];
  let i = 0;
  for (const [t, c] of tf) {
    const idf = idfs !== undefined ? idfs[i++]! : df.idf(t);
    if (idf < MIN_TERM_IDF) continue;
    // Sublinear tf, and a title word counts as a little more: the headline names the event.
    const boost = inTitle.has(t) ? 1.5 : 1;
    weights.push([t, (1 + Math.log(c)) * boost * idf]);
  }
  weights.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const top = weights.slice(0, ARTICLE_TERMS);
  const specific = a.entities.filter((e) => nameIdf(e.name, df) >= MIN_TERM_IDF);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  const outlet = a.publisher.name?.trim();
  return {
    id: a.id,
    day: articleDay(a),
    terms: new Map(top.map(([t, w]) => [t, w / norm])),
    entities: [...new Set(specific.map((e) => e.id))].sort(),
    title: titleTerms,
    ...articlePlaces(a),
    ...(outlet ? { outlet } : {}),
  };
}

/** The gazetteer places an article names, and the ones it names most (mentions and pointers such as demonyms). */
function articlePlaces(a: Article): { places: string[]; mainPlaces: string[] } {
  const count = new Map<string, number>();
  for (const e of a.entities) {
    if (e.type !== "place" || HASHED_ID.test(e.id)) continue;
    count.set(e.id, (count.get(e.id) ?? 0) + e.mentions.length + (e.related?.length ?? 0));
  }
  const max = Math.max(0, ...count.values());
  const main = [...count].filter(([, c]) => c > 0 && c * 2 >= max).map(([id]) => id);
  return { places: [...count.keys()].sort(), mainPlaces: main.sort() };
}

/**
 * How specific an entity is, from its name's terms in the background counts (mean idf): الولايات المتحدة and
 * تنظيم الدولة are in every other article and tell two stories apart no better than قال; بروكسل or ستولتنبرغ do.
 * Entities below MIN_TERM_IDF are left out of the features, by the same rule as terms.
 */
function nameIdf(name: string, df: DocFreq): number {
  const terms = nameTerms(name);
  if (terms.length === 0) return 0;
  return terms.reduce((s, t) => s + df.idf(t), 0) / terms.length;
}

/**
 * Analysed terms of an entity name, remembered: an article names a dozen entities and the same names come back in
 * article after article, so analysing each again was a share of the features' cost. Bounded (cleared when full).
 */
const nameTermsSeen = new Map<string, string[]>();
const NAME_TERMS_KEPT = 50_000;

function nameTerms(name: string): string[] {
  let terms = nameTermsSeen.get(name);
  if (terms === undefined) {
    if (nameTermsSeen.size >= NAME_TERMS_KEPT) nameTermsSeen.clear();
    terms = analyzeTerms(name);
    nameTermsSeen.set(name, terms);
  }
  return terms;
}

/** Features ⇄ JSON for the store. */
export interface StoredFeatures {
  day: number | null;
  terms: [string, number][];
  entities: string[];
  title: string[];
  /** Absent in features stored before places were kept. */
  places?: string[];
  mainPlaces?: string[];
  /** Absent when the outlet is not known (and in features stored before outlets were kept). */
  outlet?: string;
}

export function toStored(f: ArticleFeatures): StoredFeatures {
  return {
    day: f.day,
    terms: [...f.terms].map(([t, w]) => [t, Math.round(w * 1e4) / 1e4]),
    entities: f.entities,
    title: f.title,
    places: f.places,
    mainPlaces: f.mainPlaces,
    ...(f.outlet !== undefined ? { outlet: f.outlet } : {}),
  };
}

export function fromStored(id: string, s: StoredFeatures): ArticleFeatures {
  return {
    id,
    day: s.day,
    terms: new Map(s.terms),
    entities: s.entities,
    title: s.title,
    places: s.places ?? [],
    mainPlaces: s.mainPlaces ?? [],
    ...(s.outlet !== undefined ? { outlet: s.outlet } : {}),
  };
}
