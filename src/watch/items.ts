import { hash64 } from "../core/hash.js";
import { reasonError, said } from "../i18n/reasons.js";
import type { RawDoc } from "../core/stage.js";
import { decodeBytes } from "../decode/decode.js";
import { charsetOfContentType } from "../decode/prescan.js";
import { looksLikeFeed, parseFeed } from "../source/feed.js";
import { recordReason, type MappedRecord } from "../source/records.js";
import type { DocInput } from "../pipeline/store-batch.js";

/**
 * Below this many characters of plain text, a feed item carries a summary (a teaser, a first paragraph), not the
 * article: the linked page is fetched instead. Real article bodies are far longer; teasers rarely reach it.
 */
export const SUMMARY_MAX_CHARS = 500;

/** One item of a polled feed. */
export interface WatchItem {
  /** Stable across polls: the item's guid/id, else its link, else a hash of what it says. */
  key: string;
  /** The page to fetch when the item carries only a summary. */
  pageUrl: string | null;
  /** The item as a document (its own text), used when it carries the article or when its page cannot be had. */
  doc: DocInput;
}

function plainLength(text: string): number {
  return text
    .replace(/<[^>]*>/gu, " ")
    .replace(/\s+/gu, " ")
    .trim().length;
}

function itemDoc(feedUrl: string, index: number, key: string, rec: MappedRecord): DocInput {
  const url = rec.meta.url;
  const source = { path: url ?? `${feedUrl}#${index}`, record: index, ...(url !== undefined ? { url } : {}) };
  const raw: RawDoc = {
    source,
    format: "record",
    text: rec.text,
    meta: rec.html ? { ...rec.meta, bodyIsHtml: true } : rec.meta,
  };
  // Like a record read from a file: the same page is the same source wherever it was found.
  return { raw, sourceKey: url ?? `${feedUrl}#id=${key}` };
}

/**
 * The items of a fetched feed. A body that is not a feed (an HTML error page served with 200, a truncated
 * document) is a PARSE error naming the URL, so the poll counts as failed and is retried with back-off.
 */
export function feedItems(
  feedUrl: string,
  body: Uint8Array,
  contentType: string | null = null,
): { title: string | undefined; items: WatchItem[]; broken: number; notes: string[]; notesAr: string[] } {
  const xml = decodeBytes(body, feedUrl, { transport: charsetOfContentType(contentType) }).text;
  if (!looksLikeFeed(xml)) {
    throw reasonError("PARSE", said("notAFeed", { url: feedUrl }), { input: feedUrl });
  }
  // A complete XML feed has its root's closing tag (anything after it, a comment or junk a server appends, is
  // ignored). Without it the transfer was cut off: its last item may be half there, so nothing is taken and the
  // poll is retried.
  if (!/^\s*\{/u.test(xml) && !/<\/(rss|feed|rdf:RDF)\s*>/iu.test(xml)) {
    throw reasonError("PARSE", said("feedCutOff", { url: feedUrl }), { input: feedUrl });
  }
  const feed = parseFeed(xml, { feedUrl });
  if (feed.error !== undefined)
    throw reasonError("PARSE", said("feedFetchedUnreadable", { url: feedUrl, why: feed.error }), { input: feedUrl });
  const items: WatchItem[] = [];
  const notes: string[] = [];
  const notesAr: string[] = [];
  let broken = 0;
  for (const it of feed.items) {
    if ("error" in it.record) {
      broken++;
      const why = said("brokenItem", { index: it.index, url: feedUrl, record: recordReason(it.record) });
      notes.push(why.en);
      notesAr.push(why.ar);
      continue;
    }
    const rec = it.record;
    const key =
      rec.id ?? rec.meta.url ?? `h:${hash64(`${rec.meta.title ?? ""}\n${rec.meta.published ?? ""}\n${rec.text}`)}`;
    const summaryOnly = plainLength(rec.text) < SUMMARY_MAX_CHARS;
    items.push({
      key,
      pageUrl: summaryOnly && rec.meta.url !== undefined ? rec.meta.url : null,
      doc: itemDoc(feedUrl, it.index, key, rec),
    });
  }
  return { title: feed.title, items, broken, notes, notesAr };
}

/** A fetched article page as a document; the feed item's fields (title, date, outlet) come along as hints. */
export function pageDoc(
  item: WatchItem,
  pageUrl: string,
  bytes: Uint8Array,
  contentType: string | null = null,
): DocInput {
  const meta = item.doc.raw.meta ?? {};
  const raw: RawDoc = {
    source: { path: pageUrl, url: pageUrl },
    format: "html",
    bytes,
    meta: { ...meta, url: pageUrl },
  };
  const charset = charsetOfContentType(contentType);
  if (charset !== undefined) raw.charset = charset;
  return { raw, sourceKey: pageUrl };
}
