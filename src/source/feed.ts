import { DOMParser } from "linkedom";
import { mapRecord, type MappedRecord } from "./records.js";

/** One item of an RSS 2.0 / RSS 1.0 / Atom feed, as a record. */
export interface FeedItem {
  record: MappedRecord | { error: string };
  index: number;
}

interface El {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  children: ArrayLike<El>;
}

function child(el: El, ...names: string[]): El | undefined {
  for (let i = 0; i < el.children.length; i++) {
    const c = el.children[i];
    if (c !== undefined && names.includes(c.tagName.toLowerCase())) return c;
  }
  return undefined;
}

function text(el: El | undefined): string | undefined {
  const t = el?.textContent?.trim();
  return t === undefined || t === "" ? undefined : t;
}

/** Whether a document looks like a feed (for `.xml` files that may be anything). */
export function looksLikeFeed(xml: string): boolean {
  return /<(rss|feed|rdf:RDF)\b/i.test(xml.slice(0, 4096));
}

/** The items of a feed document, each mapped like a JSON record (title, link, date, text). */
export function parseFeed(xml: string, feedTitle?: string): { title: string | undefined; items: FeedItem[] } {
  const doc = new DOMParser().parseFromString(xml, "text/xml") as unknown as {
    querySelectorAll(s: string): ArrayLike<El>;
    documentElement: El | null;
  };
  const root = doc.documentElement;
  const channel = root ? (child(root, "channel") ?? root) : undefined;
  const title = feedTitle ?? text(channel ? child(channel, "title") : undefined);
  const nodes: El[] = [];
  const all = doc.querySelectorAll("*");
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el !== undefined && (el.tagName.toLowerCase() === "item" || el.tagName.toLowerCase() === "entry"))
      nodes.push(el);
  }
  const items = nodes.map((el, index) => {
    const linkEl = child(el, "link");
    const link = text(linkEl) ?? linkEl?.getAttribute("href") ?? undefined;
    const rec: Record<string, unknown> = {
      title: text(child(el, "title")),
      url: link,
      guid: text(child(el, "guid", "id")),
      published: text(child(el, "pubdate", "published", "dc:date", "updated")),
      author: text(child(el, "author", "dc:creator")),
      category: text(child(el, "category")),
      content: text(child(el, "content:encoded", "content")),
      summary: text(child(el, "description", "summary")),
      outlet: title,
    };
    return { record: mapRecord(rec), index: index + 1 };
  });
  return { title, items };
}
