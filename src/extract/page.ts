import type { DocContext } from "../core/context.js";
import type { Doc } from "../core/stage.js";
import { domainOf, fillArticle } from "./assemble.js";
import { extractHtml, type HtmlOptions } from "./html/extract.js";
import { lineFeatures } from "./text/features.js";
import { creditsOf } from "./text/publisher.js";

/** A web page through the HTML path; metadata dates go to `doc.hints` for the dates stage. */
export function extractPage(doc: Doc, ctx: DocContext, options: HtmlOptions = {}): void {
  const r = extractHtml(doc.decoded, ctx, options);
  const blocks =
    r.title === ""
      ? r.blocks
      : [{ role: "title" as const, text: r.title, lang: lineFeatures(r.title, 0).lang }, ...r.blocks];
  fillArticle(doc.article, r.title, blocks, r.meta.lang);
  const a = doc.article;
  const credited = blocks.filter((b) => b.role === "attribution" || b.role === "dateline");
  const credits = creditsOf(credited.map((b, i) => ({ f: lineFeatures(b.text, i + 1), role: b.role })));
  a.publisher = {
    name: r.meta.siteName ?? credits.publisher.name,
    domain: domainOf(r.meta.url) ?? domainOf(doc.raw.source.url) ?? null,
  };
  a.attribution = credits.attribution;
  if (r.meta.author !== undefined) a.author = r.meta.author;
  if (r.meta.section !== undefined) a.category = r.meta.section;
  if (r.dir !== null) a.dir = r.dir;
  doc.hints = { ...doc.hints, published: r.meta.published, modified: r.meta.modified };
  // A page fetched for a feed item (or a record's page): the item's timestamp is the fallback when the page has none.
  const given = doc.raw.meta;
  if (given?.published !== undefined && (given.publishedIsFeed === true || given.publishedIsCrawl === true)) {
    const source = given.publishedIsCrawl === true ? "crawl" : "feed";
    doc.hints.fallback = {
      value: given.published,
      source,
      field: `${source === "feed" ? "feed item" : "record"} date`,
    };
  }
  if (r.dir !== null) doc.hints.dir = r.dir;
  if (r.via !== "none" && !blocks.some((b) => b.role === "body"))
    ctx.warn("empty-body", "no article body found on the page");
}
