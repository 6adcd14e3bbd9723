import type { DocContext } from "./context.js";
import type { Article, SourceRef } from "./types.js";

/** What a source reader hands the pipeline: bytes (or already-decoded text) and what the container said about them. */
export interface RawDoc {
  source: SourceRef;
  /** `text`: scraped plain text like the seeds; `html`: a web page; `record`: a JSON/feed record with fields. */
  format: "text" | "html" | "record";
  bytes?: Uint8Array;
  /** Already-decoded text (records carry strings, not bytes). */
  text?: string;
  /** Fields a JSON record or feed item carries alongside the text. */
  meta?: RecordMeta;
  /** Encoding forced by the user (`--encoding`), overriding sniffing. */
  encoding?: string;
  /** The charset the transport declares (an HTTP Content-Type), honoured before the page's own declaration. */
  charset?: string;
}

export interface RecordMeta {
  url?: string;
  outlet?: string;
  title?: string;
  /** As the record gives it: ISO 8601, RFC 822, or `YYYY-MM-DD HH:MM:SS`. */
  published?: string;
  /** True when `published` is when the page was crawled, not when it was written (a lower bound at best). */
  publishedIsCrawl?: boolean;
  /** True when `published` is a feed item's date: the article's date only when its page gives none. */
  publishedIsFeed?: boolean;
  author?: string;
  category?: string;
  summary?: string;
  /** The record's text is HTML markup, not plain paragraphs. */
  bodyIsHtml?: boolean;
  /** What a reader found odd about the record (an ambiguous feed date, an unresolvable link), for diagnostics. */
  notes?: string[];
}

/**
 * The document as it moves through the stages. `article` is built up in place: extract fills title/blocks/text,
 * analyse the languages, annotate the dates, entities, quotes and figures. `decoded` is the page as text; `html`
 * is kept for stages that look at the markup (metadata).
 */
export interface Doc {
  raw: RawDoc;
  decoded: string;
  article: Article;
  /** What extract found for later stages that is not article text: metadata dates, direction. */
  hints?: DocHints;
  /**
   * What a stage leaves for a later one, by the later stage's name (the entities' recognised mentions, for linking).
   * Plain data only: the first stages may run in a worker thread, and the document crosses back by structured clone.
   */
  handoff?: Record<string, unknown>;
}

/** A date as some piece of metadata states it, and which piece (e.g. `json-ld:datePublished`). */
export interface DateHint {
  value: string;
  source: string;
}

export interface DocHints {
  /** Publication dates from metadata, most trusted first (JSON-LD, article:published_time, <time>, record field). */
  published?: DateHint[];
  modified?: DateHint[];
  /** Text direction of the main content. */
  dir?: "rtl" | "ltr";
  /**
   * The feed item's or record's timestamp: the article's date when the page gives none, labelled with where it came
   * from (`published.source`).
   */
  fallback?: { value: string; source: "feed" | "crawl"; field: string };
}

/**
 * One step of the flow. A stage reads and enriches `doc`, records problems on `ctx`, and throws only when the
 * document cannot go on (a RasdError naming the input). Stages are async at the boundary so that a stage may load
 * a model or consult the store without changing the signature.
 */
export interface Stage {
  readonly name: string;
  run(doc: Doc, ctx: DocContext): Promise<void> | void;
}

/** The empty article every document starts as; stages fill it. */
export function emptyArticle(source: SourceRef): Article {
  return {
    source,
    id: "",
    lang: "und",
    title: "",
    publisher: { name: null, domain: null },
    attribution: null,
    published: { date: null, precision: null, candidates: [], evidence: "" },
    blocks: [],
    text: "",
    entities: [],
    quotes: [],
    dates: [],
    figures: [],
    messages: [],
  };
}
