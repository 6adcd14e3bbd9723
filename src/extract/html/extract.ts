import { parseHTML } from "linkedom";
import type { DocContext } from "../../core/context.js";
import type { Block } from "../../core/types.js";
import { directionOf, dominantLang } from "../../analysis/lang.js";
import { classifyLines, toBlocks } from "../text/classify.js";
import { blocksOf, type WalkNode } from "./blocks.js";
import { htmlToLines, titleTag } from "./flat.js";
import { CLEANED_OUT } from "./clean.js";
import { guardHtml } from "./guard.js";
import { readMeta, type PageMeta } from "./meta.js";
import { elementsByTag, TextReadability, type TreeElement } from "./reader.js";
import { refineBlocks } from "./refine.js";
import { cleanTitle } from "./title.js";

/**
 * A web page to an article: guard the input, read the metadata, let Readability find the main content, split it
 * into blocks and re-judge them for Arabic furniture and captions. Pages the DOM path cannot or should not handle
 * go through the plain-text classifier instead, so every page ends with some article or a diagnostic saying why not.
 */
export interface HtmlExtraction {
  title: string;
  blocks: Block[];
  meta: PageMeta;
  dir: "rtl" | "ltr" | null;
  /** Which path produced the blocks. */
  via: "readability" | "flat" | "none";
}

export interface HtmlOptions {
  /** Skip the Arabic refinements: plain Readability output (for the side-by-side benchmark). */
  plain?: boolean;
}

const EMPTY_META: PageMeta = { published: [], modified: [] };

export function extractHtml(input: string, ctx: DocContext, options: HtmlOptions = {}): HtmlExtraction {
  const guarded = guardHtml(input, ctx);
  if (guarded === null) return { title: "", blocks: [], meta: EMPTY_META, dir: null, via: "none" };
  if (guarded.tooDeep) return flatExtraction(guarded.html, EMPTY_META);
  let { document } = parseHTML(guarded.html);
  // Text without a single tag parses to a document with no root element, which linkedom's getters crash on.
  const root = (document as unknown as { documentElement: { tagName: string } | null }).documentElement;
  if (root == null) return flatExtraction(guarded.html, EMPTY_META);
  // A fragment (`<div>…`, or a page that omits <html> and <body>, as HTML allows) has no BODY for Readability to
  // climb to (it crashes on the null parent): give it the document shell a browser would.
  if (root.tagName !== "HTML") ({ document } = parseHTML(`<!doctype html><html><body>${guarded.html}</body></html>`));
  const meta = readMeta(guarded.facts, guarded.jsonLd);
  const docTitle = (document as unknown as { title?: string }).title ?? "";
  pruneFurniture(document as unknown as PrunableElement);
  const reader = new TextReadability<WalkNode>(
    document as never,
    {
      serializer: (node) => node as unknown as WalkNode,
      disableJSONLD: true,
    },
    ABSENT_TAGS,
  );
  let result: ReturnType<typeof reader.parse>;
  try {
    result = reader.parse();
  } catch (e) {
    // Readability is a third party's code on hostile input: its failure costs the layout, never the article.
    ctx.warn(
      "readability-failed",
      `the main-content finder failed on this page (${e instanceof Error ? e.message : String(e)}); text read without layout`,
    );
    return flatExtraction(guarded.html, meta);
  }
  const rawTitle = meta.title ?? result?.title ?? docTitle;
  const title = cleanTitle(rawTitle, meta.siteName);
  if (result?.content == null) {
    ctx.warn("no-main-content", "no main content found by Readability; the page's text was classified line by line");
    return flatExtraction(guarded.html, meta);
  }
  const raw = blocksOf(result.content);
  const blocks =
    options.plain === true ? raw.map((b) => ({ role: b.role, text: b.text, lang: "und" })) : refineBlocks(raw, title);
  const dir =
    markupDir(result.dir, result.content) ?? directionOf(dominantLang(blocks.filter((b) => b.role === "body")));
  return { title, blocks, meta, dir, via: "readability" };
}

/** Elements Readability will not find: cleaned out of the markup, or pruned from the tree (pruneFurniture). */
const FURNITURE = ["nav", "aside", "footer"];
const ABSENT_TAGS: ReadonlySet<string> = new Set([...CLEANED_OUT, ...FURNITURE]);

interface PrunableElement extends TreeElement<PrunableElement> {
  remove(): void;
}

/**
 * Navigation, asides and footers never hold the article (forms may: some sites wrap the whole page in one): removing
 * them before Readability saves it scoring them and keeps their text out of the article. cleanMarkup drops those
 * it can match with an end tag; these are the ones left (never closed, or misnested).
 */
function pruneFurniture(document: PrunableElement): void {
  for (const el of elementsByTag(document, FURNITURE)) el.remove();
}

/** Direction the markup states: Readability's (from html/body/ancestors), else a `dir` on the content itself. */
function markupDir(readerDir: string | null | undefined, content: WalkNode): "rtl" | "ltr" | null {
  const norm = (d: string | null | undefined) => (d === "rtl" || d === "ltr" ? d : null);
  const fromReader = norm(readerDir?.toLowerCase());
  if (fromReader !== null) return fromReader;
  const stack: WalkNode[] = [content];
  for (let seen = 0; stack.length > 0 && seen < 50; seen++) {
    const n = stack.shift() as WalkNode;
    const d = norm(n.getAttribute?.("dir")?.toLowerCase());
    if (d !== null) return d;
    const kids = n.childNodes; // a getter that builds the list: read once
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i] as WalkNode;
      if (c.nodeType === 1) stack.push(c);
    }
  }
  return null;
}

/** The flat path reads at most this much text: far more than any article, far less than a pathological page. */
const MAX_FLAT_CHARS = 300_000;

function flatExtraction(html: string, meta: PageMeta): HtmlExtraction {
  const lines = htmlToLines(html).slice(0, MAX_FLAT_CHARS);
  const known = meta.title ?? titleTag(html);
  const c = classifyLines(lines, known === undefined ? {} : { knownTitle: known });
  const blocks = toBlocks(c).map(({ role, text, lang }) => ({ role, text, lang }));
  const title =
    known !== undefined ? cleanTitle(known, meta.siteName) : (blocks.find((b) => b.role === "title")?.text ?? "");
  return { title, blocks, meta, dir: directionOf(dominantLang(blocks.filter((b) => b.role === "body"))), via: "flat" };
}
