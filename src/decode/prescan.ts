/**
 * The charset a document declares in its own bytes: the XML declaration (`<?xml … encoding="…"?>`) and HTML `<meta>`
 * as the HTML standard's prescan finds it (§13.2.3.2 "prescan a byte stream to determine its encoding": comments,
 * tags and attributes are skipped as a parser would, so a `charset=` inside a comment or a script string is not
 * taken). The bytes are read as Latin-1, one character per byte: every label and every markup character is ASCII.
 */

/** How far the standard's prescan looks; rasd then looks further, up to the body, for pages that declare late. */
export const PRESCAN_BYTES = 1024;
const LATE_BYTES = 256 * 1024;

export interface Declaration {
  label: string;
  /** `xml`: the XML declaration; `meta`: a `<meta>` in the first 1,024 bytes; `meta-late`: one further on. */
  where: "xml" | "meta" | "meta-late";
}

function latin1(bytes: Uint8Array, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(end, bytes.length)).toString("latin1");
}

/** The encoding named by an XML declaration at the very start (after any whitespace). */
export function xmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes, 512);
  const m = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z0-9._:-]+)\1/u.exec(head);
  return m?.[2];
}

const SPACE = /[\t\n\f\r /]/u;

interface Attr {
  name: string;
  value: string;
  end: number;
}

/** The standard's "get an attribute" from `pos`; undefined at the tag's end. */
function getAttribute(s: string, start: number): Attr | undefined {
  let i = start;
  while (i < s.length && SPACE.test(s[i]!)) i++;
  if (i >= s.length || s[i] === ">") return undefined;
  let name = "";
  while (i < s.length) {
    const c = s[i]!;
    if (c === "=" && name !== "") break;
    if (/[\t\n\f\r ]/u.test(c)) {
      while (i < s.length && /[\t\n\f\r ]/u.test(s[i]!)) i++;
      if (s[i] !== "=") return { name: name.toLowerCase(), value: "", end: i };
      break;
    }
    if (c === "/" || c === ">") return { name: name.toLowerCase(), value: "", end: i };
    name += c;
    i++;
  }
  i++; // past "="
  while (i < s.length && /[\t\n\f\r ]/u.test(s[i]!)) i++;
  const q = s[i];
  let value = "";
  if (q === '"' || q === "'") {
    const close = s.indexOf(q, i + 1);
    if (close < 0) return undefined;
    return { name: name.toLowerCase(), value: s.slice(i + 1, close), end: close + 1 };
  }
  while (i < s.length && !/[\t\n\f\r >]/u.test(s[i]!)) value += s[i++];
  return { name: name.toLowerCase(), value, end: i };
}

/** The standard's "extract a character encoding from a meta element" (the `content` of http-equiv). */
function charsetFromContent(content: string): string | undefined {
  const m = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/iu.exec(content);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The label of one `<meta>` whose attributes start at `pos`, and where the tag ends. */
function metaLabel(s: string, pos: number): { label: string | undefined; end: number } {
  const seen = new Set<string>();
  let pragma = false;
  let charset: string | undefined;
  let fromContent: string | undefined;
  let i = pos;
  for (let attr = getAttribute(s, i); attr !== undefined; attr = getAttribute(s, i)) {
    i = attr.end;
    if (seen.has(attr.name)) continue;
    seen.add(attr.name);
    if (attr.name === "http-equiv" && attr.value.toLowerCase() === "content-type") pragma = true;
    else if (attr.name === "content" && fromContent === undefined) fromContent = charsetFromContent(attr.value);
    else if (attr.name === "charset") charset = attr.value;
  }
  const end = s.indexOf(">", i);
  const label = charset ?? (pragma ? fromContent : undefined);
  return { label: label?.trim() || undefined, end: end < 0 ? s.length : end + 1 };
}

/** Skips a tag's attributes (as the prescan does for tags other than `<meta>`). */
function skipTag(s: string, pos: number): number {
  let i = pos;
  for (let attr = getAttribute(s, i); attr !== undefined; attr = getAttribute(s, i)) i = attr.end;
  const end = s.indexOf(">", i);
  return end < 0 ? s.length : end + 1;
}

/** The first `<meta>` charset label in `s`, scanning as the prescan does; stops at `<body` when `stopAtBody`. */
function scan(s: string, stopAtBody: boolean): string | undefined {
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf("<", i);
    if (lt < 0) return undefined;
    if (s.startsWith("<!--", lt)) {
      const end = s.indexOf("-->", lt + 4);
      if (end < 0) return undefined;
      i = end + 3;
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/u.exec(s.slice(lt, lt + 40));
    if (tag) {
      const name = tag[2]!.toLowerCase();
      if (stopAtBody && name === "body") return undefined;
      const after = lt + tag[0].length;
      if (name === "meta" && tag[1] === "" && (after >= s.length || SPACE.test(s[after]!))) {
        const m = metaLabel(s, after);
        if (m.label !== undefined) return m.label;
        i = m.end;
      } else {
        i = skipTag(s, after);
      }
      continue;
    }
    if (/^<[!/?]/u.test(s.slice(lt, lt + 2))) {
      const end = s.indexOf(">", lt + 2);
      if (end < 0) return undefined;
      i = end + 1;
      continue;
    }
    i = lt + 1;
  }
  return undefined;
}

/**
 * What the document itself declares: an XML declaration first (feeds, XHTML), then a `<meta>` within the first 1,024
 * bytes as browsers prescan, then one further on (before `<body>`, within 256 KB) that browsers would miss.
 */
export function documentDeclaration(bytes: Uint8Array, html: boolean, late = true): Declaration | undefined {
  const xml = xmlDeclaration(bytes);
  if (xml !== undefined) return { label: xml, where: "xml" };
  if (!html) return undefined;
  const early = scan(latin1(bytes, PRESCAN_BYTES), false);
  if (early !== undefined) return { label: early, where: "meta" };
  if (!late || bytes.length <= PRESCAN_BYTES) return undefined;
  // Past the standard's window only the head matters; most pages say no charset at all, found without a scan.
  const head = latin1(bytes, LATE_BYTES);
  const body = head.search(/<body[\s>]/iu);
  const upTo = body > 0 ? head.slice(0, body) : head;
  if (!/charset/iu.test(upTo)) return undefined;
  const label = scan(upTo, true);
  return label === undefined ? undefined : { label, where: "meta-late" };
}

/** The charset parameter of a MIME type (`text/html; charset=windows-1256`), as an HTTP header gives it. */
export function charsetOfContentType(contentType: string | null | undefined): string | undefined {
  if (contentType == null) return undefined;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^\s;]+))/iu.exec(contentType);
  const label = m?.[1] ?? m?.[2];
  return label?.trim() || undefined;
}
