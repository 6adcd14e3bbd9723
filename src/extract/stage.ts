import type { DocContext } from "../core/context.js";
import type { Doc, Stage } from "../core/stage.js";
import type { Block } from "../core/types.js";
import type * as PageModule from "./page.js";
import type * as RecordModule from "./record.js";
import { articleText, fillArticle } from "./assemble.js";
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

/**
 * The HTML and record paths, imported on the first document that needs one: they bring linkedom and Readability,
 * which a plain-text page never uses and which were the largest part of loading `rasd extract` on one.
 */
let markup: Promise<[typeof PageModule, typeof RecordModule]> | undefined;

function loadMarkup(): Promise<[typeof PageModule, typeof RecordModule]> {
  markup ??= Promise.all([import("./page.js"), import("./record.js")]);
  return markup;
}

/** The extract stage: fills `doc.article` (title, blocks, text, lang, publisher, attribution, author, category). */
export const extractStage: Stage = {
  name: "extract",
  run(doc: Doc, ctx: DocContext): void | Promise<void> {
    if (doc.raw.format !== "html" && doc.raw.format !== "record") {
      extractText(doc, ctx);
      capArticle(doc, ctx);
      return;
    }
    return loadMarkup().then(([page, record]) => {
      if (doc.raw.format === "html") page.extractPage(doc, ctx);
      else record.extractRecord(doc, ctx);
      capArticle(doc, ctx);
    });
  },
};
