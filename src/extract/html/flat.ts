/**
 * HTML to plain lines without a DOM: block tags become line breaks, other tags vanish, entities are decoded.
 * The fallback for pages the DOM path must not touch (absurd nesting) or that Readability finds nothing in;
 * its lines then go through the plain-text classifier.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  laquo: "«",
  raquo: "»",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  zwnj: "\u200C",
  zwj: "\u200D",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

export function htmlToLines(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*)/iu.exec(html)?.[1] ?? html;
  const text = body
    .replace(
      /<\/?(?:p|div|br|h[1-6]|li|tr|section|article|header|footer|aside|nav|figure|figcaption|blockquote|table|ul|ol|dd|dt|hr)\b[^>]*>/giu,
      "\n",
    )
    .replace(/<[^>]*>/gu, "");
  return decodeEntities(text)
    .split("\n")
    .map((l) => l.replace(/[ \t\f\r\u00A0]+/gu, " ").trim())
    .filter((l, i, a) => l !== "" || (i > 0 && a[i - 1] !== ""))
    .join("\n");
}

/** The <title> of a page, for the fallback path. */
export function titleTag(html: string): string | undefined {
  const m = /<title\b[^>]*>([\s\S]*?)<\/title>/iu.exec(html.slice(0, 200_000));
  return m?.[1] === undefined ? undefined : decodeEntities(m[1]).replace(/\s+/gu, " ").trim();
}
