import type { DocContext } from "../../core/context.js";
import { cleanMarkup, type MarkupFacts } from "./clean.js";

/**
 * Checks and trims a page before any parser sees it, so that a bad page costs bounded time: an empty or binary
 * page stops here; a huge one is cut; scripts, styles, comments and SVG (never article text, often half the
 * bytes) are removed; a page nested deeper than any real layout is flagged for the flat fallback.
 */

/** Past this many UTF-16 units the page is cut (a real article page is well under 2 MB). */
export const MAX_HTML_CHARS = 4_000_000;
/** Element nesting deeper than this is not a layout; the DOM path would recurse too deep. */
export const MAX_DEPTH = 600;
/**
 * More elements than this and Readability's scoring (superlinear in the element count on linkedom) would take
 * seconds; real article pages have a few thousand.
 */
export const MAX_ELEMENTS = 30_000;
/**
 * Past this many characters of markup left after scripts, styles and comments are stripped, the page is read
 * without layout too: Readability on linkedom is superlinear in the page's size (2 MB of paragraphs takes ~10 s,
 * 4 MB ~40 s), and a real article page strips to well under 500 KB.
 */
export const MAX_DOM_CHARS = 1_500_000;

export interface GuardedHtml {
  html: string;
  /** JSON-LD blocks, taken out before scripts are stripped. */
  jsonLd: string[];
  /** What the metadata reader needs (the <meta> tags, most of which are taken out of `html`). */
  facts: MarkupFacts;
  /** True when the DOM path must not run (nesting too deep, too many elements): use the flat text fallback. */
  tooDeep: boolean;
}

export function guardHtml(input: string, ctx: DocContext): GuardedHtml | null {
  if (input.trim() === "") {
    ctx.warn("empty-body", "the page is empty; there is no article to extract");
    return null;
  }
  if (looksBinary(input)) {
    ctx.report(
      "binary",
      "the page holds binary data (NUL or control bytes), not HTML; check the file or its type",
      "error",
    );
    return null;
  }
  let html = input;
  if (html.length > MAX_HTML_CHARS) {
    ctx.warn("too-large", `the page has ${html.length} characters; only the first ${MAX_HTML_CHARS} are read`);
    html = html.slice(0, MAX_HTML_CHARS);
  }
  reportCharsetTrouble(html, ctx);
  if (!/<\/(?:body|html)\s*>/iu.test(html.slice(-4096))) {
    ctx.info(
      "truncated-html",
      "the page ends before </body> or </html>; it may be cut short, the article may be partial",
    );
  }
  const { jsonLd, facts, html: cleaned } = cleanMarkup(html);
  // A list whose every item is one short link is a menu or a link box: never article text, and many nodes.
  html = cleaned.replace(MENU_LIST, "");
  const shape = tagShape(html);
  if (shape.depth > MAX_DEPTH)
    ctx.warn("deep-nesting", `elements are nested more than ${MAX_DEPTH} deep; text read without layout`);
  if (shape.elements > MAX_ELEMENTS)
    ctx.warn("too-many-elements", `${shape.elements} elements; text read without layout`);
  if (html.length > MAX_DOM_CHARS)
    ctx.warn("too-large-for-layout", `${html.length} characters of markup; text read without layout`);
  return {
    html,
    jsonLd,
    facts,
    tooDeep: shape.depth > MAX_DEPTH || shape.elements > MAX_ELEMENTS || html.length > MAX_DOM_CHARS,
  };
}

const MENU_LIST = /<(ul|ol)\b[^>]*>(?:\s*<li\b[^>]*>\s*<a\b[^>]*>[^<]{0,100}<\/a>\s*(?:<\/li>)?)+\s*<\/\1>/giu;

/** Control characters in the first 8 KB: binary files show them at once, and text never has many. */
function looksBinary(s: string): boolean {
  const head = s.slice(0, 8192);
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad > 8 && bad / head.length > 0.002;
}

/** Replacement characters or UTF-8 read as Latin-1 ("Ø§Ù„…") mean the declared charset was wrong. */
function reportCharsetTrouble(html: string, ctx: DocContext): void {
  const sample = html.slice(0, 200_000);
  const replacement = sample.match(/\uFFFD/gu)?.length ?? 0;
  const mojibake = sample.match(/[ØÙÚÛ][\u0080-\u00BF\u2018-\u203A\u0152-\u0178]/gu)?.length ?? 0;
  if (replacement > 20) {
    ctx.warn(
      "bad-charset",
      `${replacement} undecodable characters: the declared charset is probably wrong; pass --encoding`,
    );
  } else if (mojibake > 20) {
    ctx.warn(
      "bad-charset",
      "the text looks like UTF-8 read as Latin-1 (mojibake): the declared charset is wrong; pass --encoding utf-8",
    );
  }
}

// Void elements, and elements whose end tag HTML lets pages leave out: neither nests.
const FLAT = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "p",
  "li",
  "td",
  "th",
  "tr",
  "dt",
  "dd",
  "option",
  "tbody",
  "thead",
  "tfoot",
]);

/** Deepest element nesting and element count, by counting tags (no DOM): cheap, linear in the page's length. */
export function tagShape(html: string): { depth: number; elements: number } {
  let depth = 0;
  let max = 0;
  let elements = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/gu)) {
    if (m[1] !== "/") elements++;
    const name = (m[2] ?? "").toLowerCase();
    if (FLAT.has(name) || m[3] === "/") continue;
    if (m[1] === "/") depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return { depth: max, elements };
}
