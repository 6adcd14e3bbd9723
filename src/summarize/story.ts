import type { Article, Story, StoryArticle } from "../core/types.js";
import { storyClaims } from "./claims.js";
import { copyLinks } from "./copies.js";
import { storyDates } from "./dates.js";
import { storyEntities } from "./entities.js";
import { storyHeadline } from "./headline.js";
import { storyId } from "./id.js";
import { keyQuotes } from "./quotes.js";
import { centroid, unitVectors } from "./select.js";
import { citedSummary } from "./summary.js";
import { supportIndex } from "./support.js";
import { storyTimeline } from "./timeline.js";
import { buildCorpus } from "./units.js";

export interface SummarizeOptions {
  /** Summary budget in words: default 250, at least 1. */
  words?: number;
  /** The story's id when it is stored; default: a hash of its article ids. */
  id?: string;
  /** Known copy links (article id → the original's id), e.g. from the store; computed when absent. */
  duplicateOf?: ReadonlyMap<string, string | null>;
  /**
   * The articles carry their story's dates already (a stored story: the clustering inferred and stored them), so
   * they are used as they are and every view shows the same dates.
   */
  datesStored?: boolean;
  /** Quotes kept per speaker: default 3 (the key ones); the web UI asks for all and folds the rest. */
  quotesPerSpeaker?: number;
}

export const DEFAULT_WORDS = 250;

/**
 * One story in DESIGN.md's Story shape, from its articles. Publication dates missing from a page are inferred from
 * the other articles of the story first (so the timeline and the reading order use them), then every part is built
 * over one shared analysis of the story's sentences. Pure and synchronous: the same articles give the same story.
 */
export function summarizeStory(input: readonly Article[], opts: SummarizeOptions = {}): Story {
  const dated = opts.datesStored === true ? input : storyDates(input);
  const order = dated.map((_, i) => i).sort((x, y) => byDate(dated[x]!, dated[y]!) || x - y);
  const articles = order.map((i) => dated[i]!);
  const ids = articles.map((a) => a.id);
  const copies = opts.duplicateOf
    ? articles.map((a) => opts.duplicateOf!.get(a.id) ?? null)
    : copyLinks(
        articles,
        articles.map((_, i) => i),
      );
  const corpus = buildCorpus(articles);
  const words = Math.max(1, Math.floor(opts.words ?? DEFAULT_WORDS));
  const ix = supportIndex(corpus);
  const summary = citedSummary(
    corpus,
    { words, ids, dates: articles.map((a) => a.published.date), texts: articles.map((a) => a.text) },
    ix,
  );
  const center = centroid(corpus, unitVectors(corpus));
  const known = articles
    .map((a) => a.published.date)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    id: opts.id ?? storyId(ids),
    title: storyHeadline(articles, corpus, center, copies, summary),
    span: { from: known[0] ?? null, to: known[known.length - 1] ?? null },
    articles: articles.map((a, i): StoryArticle => ({
      id: a.id,
      path: a.source.path,
      title: a.title,
      publisher: a.publisher.name,
      published: a.published.date,
      duplicateOf: copies[i] ?? null,
    })),
    summary,
    timeline: storyTimeline(articles, corpus, ids, ix),
    entities: storyEntities(articles),
    quotes: keyQuotes(articles, opts.quotesPerSpeaker),
    claims: storyClaims(articles, corpus, ids),
  };
}

/** Known dates first, oldest first; undated articles after them. */
function byDate(a: Article, b: Article): number {
  const x = a.published.date;
  const y = b.published.date;
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}
