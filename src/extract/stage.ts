import type { DocContext } from "../core/context.js";
import type { Doc, Stage } from "../core/stage.js";
import { lineFeatures } from "./text/features.js";
import type { Block } from "../core/types.js";
import { articleText, domainOf, fillArticle } from "./assemble.js";
import { extractHtml, type HtmlOptions } from "./html/extract.js";
import { extractRecord } from "./record.js";
import { classifyLines, toBlocks } from "./text/classify.js";
import { creditsOf } from "./text/publisher.js";

/** Plain text past this many characters is cut: no scraped article is that long, and the classifier is linear. */
export const MAX_TEXT_CHARS = 500_000;

/** Scraped plain text: every line classified, the title, the publisher and agency credit read from the lines. */
export function extractText(doc: Doc, ctx: DocContext): void {
  let text = doc.decoded;
  if (text.trim() === "") {
    ctx.warn("empty-body", "the file is empty; there is no article to extract");
    return;
  }
  if (text.slice(0, 65536).includes("\u0000")) {
    ctx.report("binary", "the file holds NUL bytes: it is binary, not text; check the file or its type", "error");
    return;
  }
  if (text.length > MAX_TEXT_CHARS) {
    ctx.warn("too-large", `the text has ${text.length} characters; only the first ${MAX_TEXT_CHARS} are read`);
    text = text.slice(0, MAX_TEXT_CHARS);
  }
  const c = classifyLines(text);
  const titleLine = c.lines[c.titleIndex];
  fillArticle(doc.article, titleLine?.f.text ?? "", toBlocks(c));
  const credits = creditsOf(c.lines);
  doc.article.publisher = credits.publisher;
  doc.article.attribution = credits.attribution;
  const byline = c.lines.find((l) => l.role === "attribution" && l.f.byline !== null)?.f.byline;
  if (byline != null) doc.article.author = byline;
  if (titleLine === undefined) ctx.warn("no-title", "no line reads as a title; the article has none");
  if (!c.lines.some((l) => l.role === "body")) ctx.warn("empty-body", "no line reads as article body");
}

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

/**
 * Keeps the article's text within MAX_TEXT_CHARS, dropping (or cutting) the blocks past it. The annotators after
 * extract are linear but not cheap (about 7 µs a character): a 4 MB page of text would cost a minute of annotation.
 */
export function capArticle(doc: Doc, ctx: DocContext): void {
  const a = doc.article;
  if (a.text.length <= MAX_TEXT_CHARS) return;
  const kept: Block[] = [];
  let budget = MAX_TEXT_CHARS - a.title.length;
  for (const b of a.blocks) {
    if (budget <= 0) break;
    kept.push(b.text.length > budget ? { ...b, text: b.text.slice(0, budget) } : b);
    budget -= b.text.length + 2;
  }
  ctx.warn(
    "too-long",
    `the article has ${a.text.length} characters of text; only the first ${MAX_TEXT_CHARS} are kept`,
  );
  a.blocks = kept;
  a.text = articleText(a.title, kept);
}

/** The extract stage: fills `doc.article` (title, blocks, text, lang, publisher, attribution, author, category). */
export const extractStage: Stage = {
  name: "extract",
  run(doc: Doc, ctx: DocContext): void {
    if (doc.raw.format === "html") extractPage(doc, ctx);
    else if (doc.raw.format === "record") extractRecord(doc, ctx);
    else extractText(doc, ctx);
    capArticle(doc, ctx);
  },
};
