/**
 * Text without markup, for judging an encoding: in a page, tags, scripts and styles outweigh the words (an Arabic
 * page can be 80% ASCII markup), and the words are what a wrong encoding garbles. Works on strings; bytes of an
 * ASCII-compatible encoding go through it as Latin-1 (one character per byte: markup is ASCII in all of them, and
 * no trail byte of Shift_JIS, Big5, GBK or EUC-* is `<`, `>` or `&`).
 */

/** At most this much of a document is looked at: enough for any statistic, bounded for a 50 MB page. */
export const SAMPLE_CHARS = 1_000_000;

const COMMENT = /<!--[\s\S]*?(?:-->|$)/gu;
const RAW_TEXT = /<(script|style|noscript|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/giu;
const CDATA = /<!\[CDATA\[|\]\]>/gu;
const TAG = /<[/!?]?[A-Za-z][^<>]*(?:>|$)|<\?[^>]*>/gu;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/gu;

/** The document with comments, scripts, styles, tags and character references replaced by spaces. */
export function withoutMarkup(s: string): string {
  const head = s.length > SAMPLE_CHARS ? s.slice(0, SAMPLE_CHARS) : s;
  if (!head.includes("<") && !head.includes("&")) return head;
  // CDATA markers go first: a feed's HTML is inside CDATA, and its tags are still tags.
  return head.replace(COMMENT, " ").replace(CDATA, " ").replace(RAW_TEXT, " ").replace(TAG, " ").replace(ENTITY, " ");
}

/** The bytes of an ASCII-compatible document without its markup (see withoutMarkup). */
export function bytesWithoutMarkup(bytes: Uint8Array): Uint8Array {
  const n = Math.min(bytes.length, SAMPLE_CHARS);
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, n).toString("latin1");
  return Buffer.from(withoutMarkup(s), "latin1");
}
