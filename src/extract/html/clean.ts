/**
 * One pass over a page's markup before any DOM exists, keeping only what the extractor reads. The DOM on linkedom
 * costs per node and per attribute (each attribute is a node), and Readability's time grows with both, so what no
 * later step reads is cut here as text, where it costs a scan:
 *
 *   dropped with their content   script (JSON-LD bodies kept aside), style, svg, template, noscript, iframe, select,
 *                                canvas, object; nav, aside and footer (never the article; forms may be: ASP.NET
 *                                wraps whole pages in one)
 *   dropped, content kept        comments; link, input, button, source, track, param, embed tags
 *   attributes kept              those Readability looks at, where it does (KEPT_ATTRIBUTES); a style only when
 *                                it can hide the element; an href only when it is an in-page "#…" link
 *                                (Readability weighs those lighter); on images, the attributes that make one
 *                                (Readability removes images with none)
 *   whitespace                   runs of it beside a block tag (no text there, only nodes)
 *   <meta> in <head>             read here (CleanMarkup.facts) and dropped, but for those Readability reads for the
 *                                title and byline; in the body they stay, as they count as children in
 *                                Readability's layout tests
 *
 * Tags are read as the HTML tokenizer reads them: a ">" inside a quoted attribute value does not end the tag.
 */
export interface CleanMarkup {
  html: string;
  /** Bodies of <script type="application/ld+json">, at most MAX_JSON_LD. */
  jsonLd: string[];
  /** What the metadata reader needs, read on the way. */
  facts: MarkupFacts;
}

/** Attribute values as written (character references not decoded), of elements outside the dropped ones. */
export interface MarkupFacts {
  /** Every <meta>, in order. */
  meta: MetaTag[];
  /** `datetime` of the first MAX_TIMES <time> elements that have one. */
  times: string[];
  /** The <html> element's lang, else null. */
  lang: string | null;
}

/** A <meta> tag's attributes; null when the tag has no such attribute, "" when it has it without a value. */
export interface MetaTag {
  name: string | null;
  property: string | null;
  itemprop: string | null;
  content: string | null;
}

const MAX_JSON_LD = 20;
const MAX_TIMES = 3;

/**
 * Elements whose content is never article text, dropped up to their first end tag (or the end of the page): an
 * <svg> inside an <svg> is rare, and an <svg/> closed by its own tag common, so nesting is not counted.
 */
const DROPPED = new Set(["script", "style", "svg", "template", "noscript", "iframe", "select", "canvas", "object"]);
/** Page furniture, dropped up to its matching end tag when there is one (else the tag alone stays). */
const FURNITURE = new Set(["nav", "aside", "footer"]);
/** Tags dropped alone: void or form controls, no article text of their own. */
const LONE = new Set(["link", "input", "button", "source", "track", "param", "embed"]);
/** Elements the cleaned markup never holds. */
export const CLEANED_OUT: ReadonlySet<string> = new Set([...DROPPED, ...LONE]);
/** Elements whose content is raw text, not markup: copied as they are up to their end tag. */
const RAW_TEXT = new Set(["title", "textarea", "xmp"]);
/** Whitespace between one of these tags and the next or previous tag is dropped (see Output). */
const BLOCK = new Set([
  "div",
  "p",
  "li",
  "ul",
  "ol",
  "section",
  "article",
  "header",
  "footer",
  "nav",
  "aside",
  "table",
  "tr",
  "td",
  "th",
  "tbody",
  "thead",
  "tfoot",
  "caption",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "figure",
  "figcaption",
  "blockquote",
  "dl",
  "dt",
  "dd",
  "main",
  "form",
  "meta",
  "title",
  "head",
  "body",
  "html",
]);

/**
 * Attributes something downstream reads, and when. Readability reads id, class, hidden, aria-hidden, aria-modal
 * and role (visibility, unlikely candidates), dir (the content's direction), rel="author" and an itemprop naming
 * the author (bylines), colspan, rowspan, summary and datatable (data tables), and name, property and content on
 * <meta> (title and byline); the <html> lang is read by the metadata reader.
 */
const KEPT_ATTRIBUTES: ReadonlyMap<string, (tag: string, value: string) => boolean> = new Map([
  ...[
    "id",
    "class",
    "hidden",
    "aria-hidden",
    "aria-modal",
    "role",
    "dir",
    "colspan",
    "rowspan",
    "summary",
    "datatable",
  ].map((a) => [a, () => true] as const),
  ["rel", (_tag: string, v: string) => v === "author"],
  ["itemprop", (_tag: string, v: string) => v.includes("author")],
  ...["name", "property", "content"].map((a) => [a, (tag: string) => tag === "meta"] as const),
  ["lang", (tag: string) => tag === "html"],
]);
const IMAGE_TAGS = new Set(["img", "picture", "figure"]);
const IMAGE_ATTRIBUTES = new Set(["src", "srcset", "data-src", "data-srcset"]);
/** Readability keeps an image (and completes a figure) by any attribute naming an image file. */
const IMAGE_VALUE = /\.(?:jpg|jpeg|png|webp)/iu;
const HIDING_STYLE = /display|visibility/iu;
const JSON_LD = /application\/ld\+json/iu;

export function cleanMarkup(html: string): CleanMarkup {
  const c = new Cleaner(html);
  c.run();
  return { html: c.out.done(), jsonLd: c.jsonLd, facts: c.facts };
}

/** Elements a <head> may hold: any other start tag ends the head (as the parser ends it). */
const HEAD_CONTENT = new Set([
  "html",
  "head",
  "title",
  "meta",
  "base",
  "link",
  "style",
  "script",
  "noscript",
  "template",
]);
/**
 * The meta names and properties from which Readability takes the title and the byline (its own patterns in
 * _getArticleMetadata, narrowed to those two): both change what it keeps (a heading that repeats the title goes, a
 * byline found in the text goes unless the metadata has one). Its other fields are not read.
 */
const READER_PROPERTY = /\s*(?:article|dc|dcterm|og|twitter)\s*:\s*(?:author|creator|title)\s*/iu;
const READER_NAME =
  /^\s*(?:(?:dc|dcterm|og|twitter|parsely|weibo:(?:article|webpage))\s*[-.:]\s*)?(?:author|creator|title)\s*$/iu;

class Cleaner {
  readonly out = new Output();
  readonly jsonLd: string[] = [];
  readonly facts: MarkupFacts = { meta: [], times: [], lang: null };
  /** Where the next run of text starts (text is copied lazily, up to the next tag). */
  private textFrom = 0;
  private inHead = false;
  /** Per furniture name, once one was left unclosed: where each of its start tags (by index) ends. */
  private readonly furniture = new Map<string, Map<number, number>>();

  constructor(private readonly html: string) {}

  run(): void {
    const { html } = this;
    const n = html.length;
    let i = 0;
    while (i < n) {
      const lt = html.indexOf("<", i);
      if (lt < 0) break;
      const c = html.charCodeAt(lt + 1);
      if (c === 33 /* ! */ && html.startsWith("<!--", lt)) {
        const end = html.indexOf("-->", lt + 4);
        i = this.skip(lt, end < 0 ? n : end + 3);
        continue;
      }
      const closing = c === 47; /* / */
      const nameStart = closing ? lt + 2 : lt + 1;
      if (!isAsciiLetter(html.charCodeAt(nameStart))) {
        i = lt + 1; // "<" as text, "<!doctype …>", "<?xml …?>": copied with the text
        continue;
      }
      let nameEnd = nameStart + 1;
      while (nameEnd < n && !endsName(html.charCodeAt(nameEnd))) nameEnd++;
      const name = html.slice(nameStart, nameEnd).toLowerCase();
      // Attributes are read for tags that are written (and scripts, for JSON-LD); other tags are only skipped.
      const wanted = !closing && (name === "script" || (!DROPPED.has(name) && !LONE.has(name)));
      const tag = readTag(html, nameEnd, wanted);
      if (closing) {
        if (name === "head") this.inHead = false;
        i = this.emit(lt, tag.end, `</${name}>`, BLOCK.has(name));
      } else {
        i = this.open(lt, name, tag);
      }
    }
    this.out.text(html.slice(this.textFrom));
  }

  /** A start tag at `lt`: written, dropped alone or dropped with its content. Returns where to go on. */
  private open(lt: number, name: string, tag: Tag): number {
    const { html } = this;
    if (name === "head") this.inHead = true;
    else if (!HEAD_CONTENT.has(name)) this.inHead = false;
    if (DROPPED.has(name)) {
      if (
        name === "script" &&
        this.jsonLd.length < MAX_JSON_LD &&
        tag.attributes.some(([, v]) => v !== null && JSON_LD.test(v))
      ) {
        const close = findClose(html, name, tag.end);
        this.jsonLd.push(html.slice(tag.end, close < 0 ? html.length : close));
      }
      // Only foreign elements (<svg/>) close themselves; <script/> in HTML opens a script.
      if (name === "svg" && tag.selfClosing) return this.skip(lt, tag.end);
      return this.skip(lt, skipElement(html, name, tag.end) ?? html.length);
    }
    if (FURNITURE.has(name)) {
      const after = this.furnitureEnd(name, lt, tag.end);
      if (after !== undefined) return this.skip(lt, after);
    }
    if (LONE.has(name)) return this.skip(lt, tag.end);
    if (name === "meta" && !this.keepMeta(tag)) return this.skip(lt, tag.end);
    if (name === "time" && this.facts.times.length < MAX_TIMES) {
      const datetime = attribute(tag, "datetime");
      if (datetime !== null) this.facts.times.push(datetime);
    }
    if (name === "html") this.facts.lang ??= attribute(tag, "lang");
    const next = this.emit(lt, tag.end, openTag(name, tag.attributes, tag.selfClosing), BLOCK.has(name));
    if (!RAW_TEXT.has(name)) return next;
    const close = findClose(html, name, tag.end);
    return close < 0 ? html.length : close; // raw text: copied as text, up to its end tag
  }

  /**
   * Index just past the end tag matching the start tag of furniture `name` at `lt` (ending at `from`): a
   * same-named element opened inside needs its own end tag first. Undefined when it is never closed; from then on
   * all of that name's tags are paired in one pass, so a page of unclosed <nav>s costs one scan, not one per <nav>.
   */
  private furnitureEnd(name: string, lt: number, from: number): number | undefined {
    const paired = this.furniture.get(name);
    if (paired !== undefined) return paired.get(lt);
    const end = skipNested(this.html, name, from);
    if (end === undefined) this.furniture.set(name, matchTags(this.html, name, lt));
    return end;
  }

  /** Records a <meta>; true when it stays in the markup too. */
  private keepMeta(tag: Tag): boolean {
    const get = (name: string) => attribute(tag, name);
    const m: MetaTag = {
      name: get("name"),
      property: get("property"),
      itemprop: get("itemprop"),
      content: get("content"),
    };
    this.facts.meta.push(m);
    if (!this.inHead) return true;
    return (m.property !== null && READER_PROPERTY.test(m.property)) || (m.name !== null && READER_NAME.test(m.name));
  }

  /** Text up to `lt`, then `markup` for the tag there, which ends at `end`. */
  private emit(lt: number, end: number, markup: string, block: boolean): number {
    this.out.text(this.html.slice(this.textFrom, lt));
    this.out.tag(markup, block);
    return (this.textFrom = end);
  }

  /** Text up to `from`, then nothing up to `to`. */
  private skip(from: number, to: number): number {
    this.out.text(this.html.slice(this.textFrom, from));
    return (this.textFrom = to);
  }
}

/**
 * The cleaned markup as it is written. Text is held until the next tag is written, so that a run of whitespace
 * beside a block tag (before or after it, however many dropped elements and comments it spanned) is left out: it
 * would be a text node holding nothing, and a block boundary separates the text around it anyway.
 */
class Output {
  private readonly parts: string[] = [];
  /** Where the text since the last tag starts in `parts`, and whether it is all white space so far. */
  private textFrom = 0;
  private blank = true;
  private afterBlock = true;

  text(s: string): void {
    if (s === "") return;
    this.parts.push(s);
    if (this.blank && !BLANK.test(s)) this.blank = false;
  }

  tag(markup: string, block: boolean): void {
    this.flush(block);
    this.parts.push(markup);
    this.textFrom = this.parts.length;
    this.blank = true;
    this.afterBlock = block;
  }

  done(): string {
    this.flush(true);
    return this.parts.join("");
  }

  private flush(beforeBlock: boolean): void {
    if (this.blank && (this.afterBlock || beforeBlock)) this.parts.length = this.textFrom;
  }
}

const BLANK = /^[ \t\n\r\f]*$/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whitespace, "/" or ">" end a tag name (HTML tokenizer). */
function endsName(c: number): boolean {
  return c === 62 || c === 47 || c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

interface Tag {
  /** Index just past the tag's ">" (or the end of the page). */
  end: number;
  attributes: [string, string | null][];
  selfClosing: boolean;
}

/**
 * The attributes of a tag whose name ends at `i`, read as the HTML tokenizer reads them (quoted values may hold
 * ">"); `wanted` false: only where the tag ends.
 */
function readTag(html: string, i: number, wanted: boolean): Tag {
  const n = html.length;
  const attributes: [string, string | null][] = [];
  let selfClosing = false;
  while (i < n) {
    let c = html.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 62) return { end: i + 1, attributes, selfClosing };
    if (c === 47) {
      selfClosing = html.charCodeAt(i + 1) === 62;
      i++;
      continue;
    }
    const start = i;
    // An attribute name may start with "=" (the tokenizer takes it as a letter); it ends at space, "/", ">" or "=".
    i++;
    while (i < n && !endsName((c = html.charCodeAt(i))) && c !== 61) i++;
    const attr = wanted ? html.slice(start, i).toLowerCase() : "";
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== 61) {
      if (wanted) attributes.push([attr, null]);
      continue;
    }
    i++;
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    const q = html.charCodeAt(i);
    let from = i;
    let to: number;
    if (q === 34 || q === 39) {
      const close = html.indexOf(q === 34 ? '"' : "'", i + 1);
      from = i + 1;
      to = close < 0 ? n : close;
      i = close < 0 ? n : close + 1;
    } else {
      while (i < n && !isSpace((c = html.charCodeAt(i))) && c !== 62) i++;
      to = i;
    }
    if (wanted) attributes.push([attr, html.slice(from, to)]);
  }
  return { end: n, attributes, selfClosing };
}

/** An attribute's value as the DOM gives it: the first of that name, "" without a value, null when absent. */
function attribute(tag: Tag, name: string): string | null {
  const a = tag.attributes.find(([n]) => n === name);
  return a === undefined ? null : (a[1] ?? "");
}

function keepAttribute(tag: string, name: string, value: string | null): boolean {
  const rule = KEPT_ATTRIBUTES.get(name);
  if (rule !== undefined) return rule(tag, value ?? "");
  if (value === null) return false;
  if (name === "style") return HIDING_STYLE.test(value);
  if (name === "href") return value.length > 1 && value.startsWith("#");
  return IMAGE_TAGS.has(tag) && (IMAGE_ATTRIBUTES.has(name) || IMAGE_VALUE.test(value));
}

function openTag(name: string, attributes: readonly [string, string | null][], selfClosing: boolean): string {
  let s = `<${name}`;
  for (const [attr, value] of attributes) {
    if (!keepAttribute(name, attr, value)) continue;
    s += value === null ? ` ${attr}` : ` ${attr}="${value.includes('"') ? value.replace(/"/gu, "&quot;") : value}"`;
  }
  return selfClosing ? `${s}/>` : `${s}>`;
}

const CLOSERS = new Map<string, RegExp>();

/** Index of the `</name` that ends a raw-text element opened before `from` (case-insensitive), or -1. */
function findClose(html: string, name: string, from: number): number {
  let re = CLOSERS.get(name);
  if (re === undefined) CLOSERS.set(name, (re = new RegExp(`</${name}(?=[\\s/>])`, "giu")));
  re.lastIndex = from;
  return re.exec(html)?.index ?? -1;
}

/** Index just past the first end tag of `name` from `from` on, or null when there is none. */
function skipElement(html: string, name: string, from: number): number | null {
  const close = findClose(html, name, from);
  return close < 0 ? null : afterTag(html, close);
}

const NESTED = new Map<string, RegExp>();

function tagsOf(name: string): RegExp {
  let re = NESTED.get(name);
  if (re === undefined) NESTED.set(name, (re = new RegExp(`<(/?)${name}(?=[\\s/>])`, "giu")));
  return re;
}

/** Index just past the end tag closing an element `name` whose start tag ends at `from`, counting nesting. */
function skipNested(html: string, name: string, from: number): number | undefined {
  const re = tagsOf(name);
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    depth += m[1] === "/" ? -1 : 1;
    if (depth === 0) return afterTag(html, m.index);
  }
  return undefined;
}

/**
 * The start and end tags of `name` from `from` on, paired as nested elements pair (a stack): start tag index →
 * index just past its end tag. Start tags left open are not in the map.
 */
function matchTags(html: string, name: string, from: number): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  const re = tagsOf(name);
  re.lastIndex = from;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    if (m[1] !== "/") {
      open.push(m.index);
      continue;
    }
    const start = open.pop();
    if (start !== undefined) ends.set(start, afterTag(html, m.index));
  }
  return ends;
}

function afterTag(html: string, lt: number): number {
  const gt = html.indexOf(">", lt);
  return gt < 0 ? html.length : gt + 1;
}
