/**
 * Feeds read as a mature reader reads them. XML feeds (RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0) go through
 * @rowanmanning/feed-parser (fast-xml-parser underneath, tested on real feeds: the alternate link over comment and
 * edit links, xml:base and channel-link resolution, entities decoded once, content:encoded and Atom content types);
 * docs/input.md gives its measurement against rasd's former reader on ../shared/corpus/feeds/rss-parser. rasd maps
 * each item itself (feed-item.ts): the raw date text (stamp.ts: day-first numeric dates for Arabic feeds, Arabic
 * month names, Hijri years), titles without markup, relative links resolved against the feed's own URL, Atom
 * base64 content, items with only a title or a link kept as short articles. JSON Feed is mapped directly.
 */
import { parseJsonFeed } from "./feed-json.js";
import type { FeedOptions, ParsedFeed } from "./feed-item.js";
import { parseXmlDocument } from "./feed-xml.js";

export type { FeedItem, FeedOptions, ParsedFeed } from "./feed-item.js";

function isJsonFeed(head: string): boolean {
  return /^\s*\{[\s\S]*"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//u.test(head);
}

/** Whether a document looks like a feed (for `.xml` files that may be anything, and `.json` files). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<(rss|feed|rdf:RDF)\b/iu.test(head) || isJsonFeed(head);
}

/**
 * The items of a feed document (XML or JSON Feed), each mapped like a JSON record (title, link, date, text). Never
 * throws: a document that holds no feed comes back with no items and the parser's reason in `error`.
 */
export function parseFeed(text: string, opts: FeedOptions = {}): ParsedFeed {
  try {
    if (isJsonFeed(text.slice(0, 4096))) return parseJsonFeed(text, opts);
    return parseXmlDocument(text, opts);
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/[\p{Cc}]+/gu, " ").slice(0, 300);
    return { title: undefined, items: [], error: why };
  }
}
