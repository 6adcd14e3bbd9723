/**
 * The shapes of ../shared/DESIGN.md, as TypeScript. These are stable contracts: others read rasd's JSON, so a field
 * here is only ever added (optional), never renamed or removed.
 *
 * Offsets (`start`/`end`) are UTF-16 code-unit offsets into the article's clean `text`, or into `blocks[block].text`
 * when the annotation carries `block` (a caption, say). `text.slice(start, end)` gives back the annotated surface.
 */

export type Severity = "info" | "warning" | "error";

/** A problem found while processing one document. Only fatal problems throw; everything else becomes one of these. */
export interface Diagnostic {
  stage: string;
  rule: string;
  reason: string;
  severity: Severity;
  /** 1-based source line, for plain-text input. */
  line?: number;
  /** 1-based column on that line. */
  column?: number;
  start?: number;
  end?: number;
}

export type BlockRole =
  "title" | "title-duplicate" | "subheading" | "body" | "caption" | "attribution" | "dateline" | "chrome";

export const BLOCK_ROLES: readonly BlockRole[] = [
  "title",
  "title-duplicate",
  "subheading",
  "body",
  "caption",
  "attribution",
  "dateline",
  "chrome",
];

export interface Block {
  role: BlockRole;
  text: string;
  lang: string;
  /** 1-based source line for plain-text input; absent for HTML. */
  line?: number;
}

export type DatePrecision = "day" | "month" | "year";

/**
 * Where an article's one date comes from: `page` (the page itself), `story` (inferred from sibling articles), `feed`
 * or `crawl` (the feed item's or the record's timestamp, a labelled fallback when the page gives none).
 */
export type PublishedSource = "page" | "story" | "feed" | "crawl";

export interface Published {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` matching `precision`, or null when the page does not fix it. */
  date: string | null;
  precision: DatePrecision | null;
  /** Every date the evidence allows (a d/m vs m/d ambiguity keeps both). */
  candidates: string[];
  /** How the date was found, for a person to check. */
  evidence: string;
  /** Where the date comes from; absent when `date` is null. Every view, filter, sort and export uses this one date. */
  source?: PublishedSource;
  /** What the page does fix when it does not fix the day, e.g. `{"weekday": "Wednesday"}`. */
  constraints?: PublishedConstraints;
}

export interface PublishedConstraints {
  weekday?: string;
  after?: string;
  before?: string;
}

export interface Publisher {
  name: string | null;
  domain: string | null;
}

export interface Mention {
  text: string;
  start: number;
  end: number;
  /** Index into `blocks` when the mention is outside `text`. */
  block?: number;
}

export type EntityType = "person" | "organization" | "place" | "other";

export interface ArticleEntity {
  id: string;
  type: EntityType;
  name: string;
  mentions: Mention[];
  /** Words that point at the entity without naming it, e.g. a demonym (الأميركي → the United States). */
  related?: Mention[];
}

export interface SpeakerRef {
  id: string;
  name: string;
}

export interface Quote {
  speaker: SpeakerRef | null;
  text: string;
  start: number;
  end: number;
  block?: number;
}

export interface DateRef {
  text: string;
  /** ISO date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) or null when the expression cannot be resolved. */
  value: string | null;
  start: number;
  end: number;
  block?: number;
  precision?: DatePrecision | "time";
  /** Other readings still open (a numeric date that reads both d/m and m/d). */
  candidates?: string[];
  /** `own`: the article's own time (اليوم، أمس); `background`: a date the article mentions as history. */
  role?: "own" | "background";
  /** Time of day when the expression gives one, `HH:MM`. */
  time?: string;
}

export interface Figure {
  text: string;
  value: number;
  unit: string | null;
  start: number;
  end: number;
  block?: number;
  /** `more than`, `about`, `less than`, `at least`… */
  qualifier?: string;
  /** What the figure measures, in words from the text around it. */
  about?: string;
}

export interface SourceRef {
  /** The path as given on the command line, or the file the record came from. */
  path: string;
  url?: string;
  /** For records inside a JSON Lines or feed file: the 1-based record number. */
  record?: number;
  /** When a scraper fetched the page (ISO), as the record says: an upper bound of its publication, usually close. */
  crawled?: string;
}

export interface Article {
  source: SourceRef;
  id: string;
  lang: string;
  title: string;
  publisher: Publisher;
  attribution: string | null;
  published: Published;
  blocks: Block[];
  text: string;
  entities: ArticleEntity[];
  quotes: Quote[];
  dates: DateRef[];
  figures: Figure[];
  messages: Diagnostic[];
  /** Author line, when the source gives one. */
  author?: string;
  /** Category or section, when the source gives one. */
  category?: string;
  /** Direction of the main content (from its markup, else from its language). */
  dir?: "rtl" | "ltr";
}

export interface StoryArticle {
  id: string;
  path: string;
  title: string;
  publisher: string | null;
  published: string | null;
  duplicateOf: string | null;
}

export interface Citation {
  text: string;
  sources: string[];
  /**
   * The sources (a subset of `sources`) that state the sentence in other words rather than word for word: the
   * sentence is quoted from its own article (always `sources[0]`) and only paraphrased by these.
   */
  paraphrases: string[];
}

export interface TimelineEntry {
  date: string;
  text: string;
  sources: string[];
}

export interface StoryEntity {
  id: string;
  name: string;
  type: EntityType;
  articles: number;
}

export interface StoryQuote {
  speaker: SpeakerRef | null;
  text: string;
  article: string;
}

export interface ClaimValue {
  value: number;
  unit: string | null;
  text: string;
  article: string;
  qualifier?: string;
}

export interface Claim {
  about: string;
  values: ClaimValue[];
  agree: boolean;
}

export interface Story {
  id: string;
  title: string;
  span: { from: string | null; to: string | null };
  articles: StoryArticle[];
  summary: Citation[];
  timeline: TimelineEntry[];
  entities: StoryEntity[];
  quotes: StoryQuote[];
  claims: Claim[];
}

export interface ClusterEvent {
  id: string;
  title: string;
  articles: string[];
}

export interface ClusterTopic {
  id: string;
  label: string;
  events: string[];
}

export interface Clusters {
  events: ClusterEvent[];
  topics: ClusterTopic[];
}
