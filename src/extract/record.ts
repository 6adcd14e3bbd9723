import { parseHTML } from "linkedom";
import type { DocContext } from "../core/context.js";
import type { Doc, DateHint } from "../core/stage.js";
import type { Block } from "../core/types.js";
import { detectLang } from "../analysis/lang.js";
import { domainOf, fillArticle } from "./assemble.js";
import { blocksOf, type WalkNode } from "./html/blocks.js";
import { guardHtml } from "./html/guard.js";
import { refineBlocks } from "./html/refine.js";
import { classifyLines, toBlocks } from "./text/classify.js";
import { creditsOf } from "./text/publisher.js";

/** Plain-text record bodies past this many characters are cut (as MAX_TEXT_CHARS in stage.ts). */
const MAX_RECORD_CHARS = 500_000;

/**
 * A JSON/feed record: the container already names the title, outlet, URL and date; the body is either plain
 * paragraphs (classified like scraped text, the known title marking its repeats) or an HTML fragment (split into
 * blocks and re-judged, without Readability: the record is already the article).
 */
export function extractRecord(doc: Doc, ctx: DocContext): void {
  const meta = doc.raw.meta ?? {};
  let body = doc.decoded;
  const knownTitle = meta.title?.trim() || undefined;
  const isHtml = meta.bodyIsHtml ?? /<(?:p|div|br|h[1-6]|figure|img|span|a)\b[^>]*>/iu.test(body.slice(0, 20_000));
  // The same cut as scraped text (stage.ts, MAX_TEXT_CHARS; HTML bodies are cut by guardHtml): a record's text can
  // be a 10 MB line, and the line classifier need not read past what the article can keep.
  if (!isHtml && body.length > MAX_RECORD_CHARS) {
    ctx.warn(
      "too-large",
      `the record's text has ${body.length} characters; only the first ${MAX_RECORD_CHARS} are read`,
    );
    body = body.slice(0, MAX_RECORD_CHARS);
  }
  let blocks: Block[];
  let title = knownTitle ?? "";
  let credits = {
    publisher: { name: null as string | null, domain: null as string | null },
    attribution: null as string | null,
  };
  if (isHtml) {
    const guarded = guardHtml(body, ctx);
    const { document } = parseHTML(`<!doctype html><html><body>${guarded?.html ?? ""}</body></html>`);
    blocks = refineBlocks(blocksOf((document as unknown as { body: WalkNode }).body), title);
  } else {
    const c = classifyLines(body, knownTitle === undefined ? {} : { knownTitle });
    blocks = toBlocks(c);
    if (knownTitle === undefined) title = c.lines[c.titleIndex]?.f.text ?? "";
    credits = creditsOf(c.lines);
  }
  if (knownTitle !== undefined) blocks.unshift({ role: "title", text: knownTitle, lang: detectLang(knownTitle) });
  fillArticle(doc.article, title, blocks);
  const a = doc.article;
  a.publisher = { name: meta.outlet ?? credits.publisher.name, domain: domainOf(meta.url) ?? credits.publisher.domain };
  a.attribution = credits.attribution;
  if (meta.author !== undefined && meta.author.trim() !== "") a.author = meta.author.trim();
  if (meta.category !== undefined && meta.category.trim() !== "") a.category = meta.category.trim();
  if (meta.published !== undefined) {
    if (meta.publishedIsCrawl === true || meta.publishedIsFeed === true) {
      // A crawl time bounds the date (the page existed by then); both are the article's date only when the page
      // gives none (published.source "crawl" or "feed").
      const source = meta.publishedIsCrawl === true ? "crawl" : "feed";
      doc.hints = { ...doc.hints, fallback: { value: meta.published, source, field: `record:${source}` } };
      if (source === "crawl") addHint(doc, { value: meta.published, source: "record:crawled" });
    } else {
      addHint(doc, { value: meta.published, source: "record:published" });
    }
  }
  for (const note of meta.notes ?? []) ctx.warn("feed-item", note);
  if (!blocks.some((b) => b.role === "body")) ctx.warn("empty-body", "the record has no body text");
}

function addHint(doc: Doc, hint: DateHint): void {
  doc.hints = { ...doc.hints, published: [hint, ...(doc.hints?.published ?? [])] };
}
