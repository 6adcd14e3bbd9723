import type { BlockRole } from "../../core/types.js";

/**
 * The main-content subtree as paragraphs: text runs split at block-level elements, with the role the markup
 * gives (h1–h6 subheading, figcaption caption, the rest body). Iterative, so depth costs no stack.
 */
export interface RawBlock {
  role: BlockRole;
  text: string;
  /** The element says it is a heading (h1–h6), whatever role it ends with. */
  heading?: number;
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
}

export function blocksOf(root: WalkNode): RawBlock[] {
  const out: RawBlock[] = [];
  let buf: string[] = [];
  let bufRole: BlockRole = "body";
  let bufHeading = 0;
  const flush = () => {
    const text = buf.join("").replace(/\s+/gu, " ").trim();
    if (text !== "") out.push(bufHeading > 0 ? { role: bufRole, text, heading: bufHeading } : { role: bufRole, text });
    buf = [];
  };
  const stack: Frame[] = [{ node: root, exit: false, role: "body", heading: 0 }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    const { node } = f;
    if (node.nodeType === 3) {
      if (buf.length === 0) [bufRole, bufHeading] = [f.role, f.heading];
      buf.push(node.nodeValue ?? "");
      continue;
    }
    if (node.nodeType !== 1) continue;
    const isBlock = BLOCK.has(node.nodeName.toUpperCase());
    if (isBlock) flush();
    if (f.exit) continue;
    const { role, heading } = roleFor(node, f);
    if (isBlock) stack.push({ node, exit: true, role, heading });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as WalkNode, exit: false, role, heading });
  }
  flush();
  return out;
}

function roleFor(node: WalkNode, parent: Frame): { role: BlockRole; heading: number } {
  const name = node.nodeName.toUpperCase();
  if (name === "FIGCAPTION" || name === "CAPTION") return { role: "caption", heading: 0 };
  const cls = `${node.getAttribute?.("class") ?? ""} ${node.getAttribute?.("id") ?? ""}`;
  if (parent.role !== "caption" && CAPTION_CLASS.test(cls)) return { role: "caption", heading: 0 };
  const h = /^H([1-6])$/u.exec(name);
  if (h?.[1] !== undefined && parent.role === "body") return { role: "subheading", heading: Number(h[1]) };
  return { role: parent.role, heading: parent.heading };
}
