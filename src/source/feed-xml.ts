import { createRequire } from "node:module";
import type * as FeedLibrary from "@rowanmanning/feed-parser";
import { isArabicFeed, itemRecord, plainTitle, type FeedOptions, type ParsedFeed } from "./feed-item.js";

type FeedParser = typeof FeedLibrary;
type Library = ReturnType<FeedParser["parseFeed"]>;
type LibraryItem = Library["items"][number];
type XmlElement = LibraryItem["element"];

let parser: FeedParser | undefined;

/**
 * The feed library (CommonJS, with its XML parser), loaded on the first feed: every command that reads paths imports
 * this module, and most runs (`rasd extract page.html`) read no feed.
 */
function feedParser(): FeedParser {
  return (parser ??= createRequire(import.meta.url)("@rowanmanning/feed-parser") as FeedParser);
}

/** Date elements of an item, most trusted first: publication before modification, whatever the order in the item. */
const DATE_NAMES = ["published", "pubdate", "issued", "date", "created", "updated", "modified"];

function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string");
}

function rawDates(el: XmlElement): string[] {
  const kids = childElements(el);
  const out: string[] = [];
  for (const name of DATE_NAMES)
    for (const k of kids)
      if (k.name.toLowerCase() === name && k.textContent.trim() !== "") out.push(k.textContent.trim());
  return out;
}

/**
 * The item's HTML content, XML-decoded once. The parser's own `content` decodes HTML entities a second time, which
 * turns a code sample's `&lt;tag&gt;` into a tag; the element's text is taken instead, except for Atom XHTML content
 * (markup, not text) where the parser's serialisation is right. Atom 0.3's `mode="base64"` is decoded.
 */
function htmlOf(el: XmlElement, names: readonly string[], parsed: string | null): string | undefined {
  for (const name of names) {
    const k = childElements(el).find((c) => c.name.toLowerCase() === name);
    if (k === undefined) continue;
    if (k.attributes["mode"] === "base64") {
      const b = Buffer.from(k.textContent.replace(/\s+/gu, ""), "base64").toString("utf8");
      if (!b.includes("\uFFFD")) return nonEmpty(b);
    }
    if (k.attributes["type"] === "xhtml" || k.attributes["type"] === "application/xhtml+xml") return nonEmpty(parsed);
    const text = k.textContent;
    // Atom `type="text"` is plain text: escaped so that the HTML reader reads it as text.
    if (k.attributes["type"] === "text") return nonEmpty(text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;"));
    return nonEmpty(text);
  }
  return undefined;
}

/** The document up to its root element's end: whatever a server appends after it is not part of the feed. */
function rootOnly(xml: string): string {
  const m = /<\/(rss|feed|rdf:RDF)\s*>/giu;
  let end = -1;
  for (let r = m.exec(xml); r !== null; r = m.exec(xml)) end = r.index + r[0].length;
  return end > 0 ? xml.slice(0, end) : xml;
}

function nonEmpty(s: string | null | undefined): string | undefined {
  return s == null || s.trim() === "" ? undefined : s;
}

/**
 * An XML feed's items. Whatever follows the root element (a comment, a second document, junk a server appends) is
 * ignored, as readers do; a document with no feed in it is an error the caller reports.
 */
export function parseXmlDocument(xml: string, opts: FeedOptions): ParsedFeed {
  const feed = feedParser().parseFeed(rootOnly(xml));
  const items = feed.items;
  const title = opts.feedTitle ?? plainTitle(feed.title);
  const dayFirst = isArabicFeed(
    feed.language,
    items.map((i) => i.title ?? ""),
  );
  const base = opts.feedUrl;
  return {
    title,
    items: items.map((item, n) => {
      const content = htmlOf(item.element, ["encoded", "content"], item.content);
      const description = htmlOf(item.element, ["description", "summary"], item.description);
      return itemRecord(
        {
          title: item.title ?? undefined,
          link: item.url ?? undefined,
          id: item.id ?? undefined,
          dates: rawDates(item.element),
          author: item.authors.map((a) => a.name).filter(Boolean)[0] ?? undefined,
          category: item.categories.map((c) => c.label ?? c.term).filter(Boolean)[0] ?? undefined,
          content: content ?? description,
          summary: content !== undefined && description !== content ? description : undefined,
        },
        n + 1,
        { ...(base !== undefined && { base }), ...(title !== undefined && { outlet: title }), dayFirst },
      );
    }),
  };
}
