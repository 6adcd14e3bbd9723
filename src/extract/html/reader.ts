import { Readability } from "@mozilla/readability";

/**
 * Readability for a text extractor on linkedom: five of its helpers are replaced by equivalents (the same answers
 * on the same tree) that cost a fraction of their time on linkedom, where they took a third of Readability's.
 *
 *   _getAllNodesWithTag   querySelectorAll("p,div,…") compiles the selector with css-select on every call (dozens
 *                         per page); a walk over the element tree finds the same elements in the same order. Tags
 *                         the document cannot hold (`absentTags`: what cleanMarkup and the furniture pruning took
 *                         out, e.g. script, iframe, embed, which Readability looks for in every candidate) are
 *                         found without a walk.
 *   _isProbablyVisible    `node.style` builds a CSSStyleDeclaration (a Proxy over a Map) for every element; the
 *                         style attribute is read here as linkedom reads it (rules split at ";", the last wins).
 *   _fixRelativeUris      makes every link and image URL absolute (a URL parse each): the text never shows them.
 *   _isValidByline        read the text of every element's whole subtree (while no byline is known) before
 *   _isElementWithoutContent   looking at what decides first; the same tests here read it last, or stop at the
 *                         first text that is not blank.
 *
 * These are Readability's private methods (pinned version in package.json). test/extract/html-clean.test.ts checks
 * that they still exist (an upgrade that renames one fails a test instead of silently losing the speed) and that
 * this class finds the same article as Readability on the Zyte pages.
 */
export const READER_OVERRIDES = [
  "_getAllNodesWithTag",
  "_isProbablyVisible",
  "_fixRelativeUris",
  "_isValidByline",
  "_isElementWithoutContent",
] as const;

/** An element tree to walk (linkedom's elements satisfy it). */
export interface TreeElement<E> {
  localName: string;
  firstElementChild: E | null;
  nextElementSibling: E | null;
}

/** The node shape these helpers touch. */
interface ReaderNode {
  nodeType: number;
  nodeValue: string | null;
  firstChild: ReaderNode | null;
  nextSibling: ReaderNode | null;
}

interface ReaderElement extends TreeElement<ReaderElement>, ReaderNode {
  className: string;
  textContent: string;
  children: ArrayLike<ReaderElement>;
  getElementsByTagName(name: string): ArrayLike<ReaderElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}

type ReaderDocument = ConstructorParameters<typeof Readability>[0];
type ReaderOptions<T> = ConstructorParameters<typeof Readability<T>>[1];

export class TextReadability<T> extends Readability<T> {
  private readonly absentTags: ReadonlySet<string>;

  /** `absentTags`: lower-case tag names no element of `document` has (nor gets from Readability). */
  constructor(document: ReaderDocument, options: ReaderOptions<T>, absentTags: ReadonlySet<string> = new Set()) {
    super(document, options);
    this.absentTags = absentTags;
  }

  /** As querySelectorAll(tagNames.join(",")). */
  _getAllNodesWithTag(node: ReaderElement, tagNames: readonly string[]): ReaderElement[] {
    const wanted = tagNames.map((t) => t.toLowerCase()).filter((t) => !this.absentTags.has(t));
    if (wanted.length === 0) return [];
    if (wanted.length === 1) return Array.from(node.getElementsByTagName(wanted[0] as string));
    return elementsByTag(node, wanted);
  }

  _isProbablyVisible(node: ReaderElement): boolean {
    const style = node.getAttribute("style");
    if (style !== null && (styleValue(style, "display") === "none" || styleValue(style, "visibility") === "hidden"))
      return false;
    if (node.hasAttribute("hidden")) return false;
    // Readability keeps aria-hidden "fallback-image" nodes (Wikimedia's math images).
    return node.getAttribute("aria-hidden") !== "true" || node.className.includes("fallback-image");
  }

  _fixRelativeUris(): void {
    // URLs are never part of the extracted text.
  }

  /** Readability's test: rel="author", an itemprop naming the author or a byline class or id, and 1–99 characters. */
  _isValidByline(node: ReaderElement, matchString: string): boolean {
    const itemprop = node.getAttribute("itemprop");
    const named =
      node.getAttribute("rel") === "author" ||
      itemprop?.includes("author") === true ||
      this.bylinePattern.test(matchString);
    if (!named) return false;
    const length = node.textContent.trim().length;
    return length > 0 && length < 100;
  }

  /** Readability's test: no text but blanks, and no children but <br> and <hr> (counted among all descendants). */
  _isElementWithoutContent(node: ReaderElement): boolean {
    if (node.nodeType !== 1 || hasText(node)) return false;
    const n = node.children.length;
    return n === 0 || n === node.getElementsByTagName("br").length + node.getElementsByTagName("hr").length;
  }

  private get bylinePattern(): RegExp {
    return (this as unknown as { REGEXPS: { byline: RegExp } }).REGEXPS.byline;
  }
}

/**
 * Descendants of `root` whose tag is one of `tagNames`, in document order (as querySelectorAll returns them), by a
 * walk over elements only (linkedom's getElementsByTagName also steps through every attribute and text node).
 */
export function elementsByTag<E extends TreeElement<E>>(root: E, tagNames: readonly string[]): E[] {
  const wanted = new Set(tagNames.map((t) => t.toLowerCase()));
  const out: E[] = [];
  // Pre-order: descend to the first child, else go on to the next sibling, else to the next sibling of the nearest
  // ancestor that has one (kept on a stack when descending).
  const pending: (E | null)[] = [];
  let el = root.firstElementChild;
  while (el !== null || pending.length > 0) {
    if (el === null) {
      el = pending.pop() ?? null;
      continue;
    }
    if (wanted.has(el.localName)) out.push(el);
    if (el.firstElementChild !== null) {
      pending.push(el.nextElementSibling);
      el = el.firstElementChild;
    } else {
      el = el.nextElementSibling;
    }
  }
  return out;
}

/** True when some text (or CDATA) node under `node` holds more than white space (as `textContent.trim() !== ""`). */
function hasText(node: ReaderNode): boolean {
  const pending: (ReaderNode | null)[] = [];
  let n = node.firstChild;
  while (n !== null || pending.length > 0) {
    if (n === null) {
      n = pending.pop() ?? null;
    } else if (n.nodeType === 3 || n.nodeType === 4) {
      if (NOT_BLANK.test(n.nodeValue ?? "")) return true;
      n = n.nextSibling;
    } else if (n.nodeType === 1) {
      pending.push(n.nextSibling);
      n = n.firstChild;
    } else {
      n = n.nextSibling;
    }
  }
  return false;
}

/** JavaScript's \s is the set String.prototype.trim removes. */
const NOT_BLANK = /\S/u;

/**
 * The value of one property in a style attribute, as linkedom's CSSStyleDeclaration gives it: declarations split
 * at ";", name and value split at the first ":", both trimmed, the last declaration of a name wins ("" if none).
 */
export function styleValue(style: string, name: string): string {
  let value = "";
  for (const rule of style.split(/\s*;\s*/u)) {
    const colon = rule.indexOf(":");
    if (colon < 0 || rule.slice(0, colon).trim() !== name) continue;
    const v = rule.slice(colon + 1).trim();
    if (v !== "") value = v;
  }
  return value;
}
