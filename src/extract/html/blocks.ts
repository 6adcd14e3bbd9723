import type { BlockRole } from "../../core/types.js";

/**
 * The main-content subtree as paragraphs: text runs split at block-level elements, with the role the markup
 * gives (h1–h6 subheading, figcaption caption, the rest body) and what the markup says around the text: how much
 * of it is link text, and whether it sits inside a <figure>. Iterative, so depth costs no stack.
 */
export interface RawBlock {
  role: BlockRole;
  text: string;
  /** The element says it is a heading (h1–h6), whatever role it ends with. */
  heading?: number;
  /** Share of the block's non-space characters inside <a> elements (absent when none). */
  linked?: number;
  /** The text is inside a <figure> (with the image it belongs to). */
  figure?: boolean;
  /**
   * The block's block-level container (or the one around it) holds an image and at most one other block of text:
   * a picture with its caption and credit, whatever the markup calls it.
   */
  withImage?: boolean;
}

/** The node shape we walk (linkedom's nodes satisfy it). */
export interface WalkNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<WalkNode>;
  getAttribute?(name: string): string | null;
}

const BLOCK = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "NAV",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "BLOCKQUOTE",
  "PRE",
  "FIGURE",
  "FIGCAPTION",
  "TABLE",
  "TR",
  "TD",
  "TH",
  "CAPTION",
  "HR",
  "BR",
  "ADDRESS",
  "DETAILS",
  "SUMMARY",
  "FORM",
  "FIELDSET",
  "TBODY",
  "THEAD",
]);
const CAPTION_CLASS = /(?:^|[\s_-])(?:wp-caption-text|caption|credit|photo-?caption|image-?caption)(?:$|[\s_-])/iu;

interface Frame {
  node: WalkNode;
  exit: boolean;
  role: BlockRole;
  heading: number;
  link: boolean;
  figure: boolean;
  /** Id of the nearest block-level ancestor (0: the root). */
  box: number;
}

/** Most text blocks an image's container holds for them to be its caption (a caption and a credit). */
const IMAGE_BOX_BLOCKS = 2;

/**
 * Block-level containers met on the walk, by id (0 is the root): each one's parent, whether an image is inside
 * it, and how many text blocks are.
 */
class Boxes {
  private readonly parent: number[] = [-1];
  private readonly image: boolean[] = [false];
  private readonly blocks: number[] = [0];

  open(parent: number): number {
    this.parent.push(parent);
    this.image.push(false);
    this.blocks.push(0);
    return this.parent.length - 1;
  }

  addImage(box: number): void {
    for (let b = box; b > 0 && !this.image[b]; b = this.parent[b] as number) this.image[b] = true;
  }

  addBlock(box: number): void {
    for (let b = box; b >= 0; b = this.parent[b] as number) this.blocks[b] = (this.blocks[b] as number) + 1;
  }

  /** The box, or the box around it (Readability wraps a caption's text in a <p> of its own), holds an image. */
  withImage(box: number): boolean {
    const up = this.parent[box] as number;
    return this.small(box) || (up > 0 && this.small(up));
  }

  private small(box: number): boolean {
    return box > 0 && this.image[box] === true && (this.blocks[box] as number) <= IMAGE_BOX_BLOCKS;
  }
}

export function blocksOf(root: WalkNode): RawBlock[] {
  const out: RawBlock[] = [];
  let buf: string[] = [];
  let first: Frame | null = null;
  let linkChars = 0;
  const boxes = new Boxes();
  const boxOf: number[] = [];
  const flush = () => {
    const text = buf.join("").replace(/\s+/gu, " ").trim();
    if (text !== "" && first !== null) {
      out.push(rawBlock(text, first, linkChars));
      boxOf.push(first.box);
      boxes.addBlock(first.box);
    }
    buf = [];
    first = null;
    linkChars = 0;
  };
  const stack: Frame[] = [{ node: root, exit: false, role: "body", heading: 0, link: false, figure: false, box: 0 }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    const { node } = f;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? "";
      first ??= f;
      buf.push(value);
      if (f.link) linkChars += nonSpace(value);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.nodeName.toUpperCase();
    const isBlock = BLOCK.has(tag);
    if (isBlock) flush();
    if (f.exit) continue;
    if (tag === "IMG") boxes.addImage(f.box);
    const inner = frameFor(node, f);
    if (isBlock) {
      inner.box = boxes.open(f.box);
      stack.push({ ...inner, exit: true });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ ...inner, node: kids[i] as WalkNode });
  }
  flush();
  out.forEach((b, i) => {
    if (boxes.withImage(boxOf[i] as number)) b.withImage = true;
  });
  return out;
}

function rawBlock(text: string, f: Frame, linkChars: number): RawBlock {
  const b: RawBlock = { role: f.role, text };
  if (f.heading > 0) b.heading = f.heading;
  if (linkChars > 0) b.linked = Math.min(1, linkChars / (nonSpace(text) || 1));
  if (f.figure) b.figure = true;
  return b;
}

function nonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32) n++;
  return n;
}

/** The frame a node's children get: its role, heading level, and whether they are inside a link or a figure. */
function frameFor(node: WalkNode, parent: Frame): Frame {
  const name = node.nodeName.toUpperCase();
  const base = {
    node,
    exit: false,
    link: parent.link || name === "A",
    figure: parent.figure || name === "FIGURE",
    box: parent.box,
  };
  if (name === "FIGCAPTION" || name === "CAPTION") return { ...base, role: "caption", heading: 0 };
  const cls = `${node.getAttribute?.("class") ?? ""} ${node.getAttribute?.("id") ?? ""}`;
  if (parent.role !== "caption" && CAPTION_CLASS.test(cls)) return { ...base, role: "caption", heading: 0 };
  const h = /^H([1-6])$/u.exec(name);
  if (h?.[1] !== undefined && parent.role === "body") return { ...base, role: "subheading", heading: Number(h[1]) };
  return { ...base, role: parent.role, heading: parent.heading };
}
