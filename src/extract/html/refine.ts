import type { Block, BlockRole } from "../../core/types.js";
import { blockLangs } from "../../analysis/lang.js";
import { lineFeatures, type LineFeatures } from "../text/features.js";
import { strongFurniture } from "../text/lexicon.js";
import { foldCompact, foldForMatch, words } from "../text/normalize.js";
import type { RawBlock } from "./blocks.js";
import { isCreditedCaption } from "../text/classify.js";
import { settleStructure } from "./structure.js";

/**
 * Readability keeps what scores like content; that still includes furniture it cannot read ("اقرأ أيضا", "شارك",
 * a date widget, a list of links to other articles, a gallery's counter) and captions without <figcaption>. Each
 * block is re-judged with the plain-text line features and what the markup says around it (link text, <figure>):
 * the markup's role stands unless the text or the markup says otherwise. A long paragraph that ends like a
 * sentence keeps its role unless it is a disclaimer, a link or inside a figure, so the full feature set is computed
 * for short blocks only. Then the blocks are judged together (structure.ts): repeats, headings over no prose.
 */
export function refineBlocks(raw: readonly RawBlock[], title: string): Block[] {
  const langs = blockLangs(raw.map((b) => b.text));
  const pageLang = dominant(raw.map((b, i) => ({ role: b.role, text: b.text, lang: langs[i] ?? "und" })));
  const titleCompact = foldCompact(title);
  const blocks = raw.map((b, i) => {
    const lang = langs[i] ?? "und";
    return { role: refinedRole(b, lang, pageLang, titleCompact), text: b.text, lang };
  });
  return settleStructure(raw, blocks);
}

function dominant(blocks: readonly { role: BlockRole; text: string; lang: string }[]): string {
  const w = new Map<string, number>();
  for (const b of blocks)
    if (b.role === "body" && b.lang !== "und") w.set(b.lang, (w.get(b.lang) ?? 0) + b.text.length);
  return [...w].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "und";
}

const SENTENCE_END = /[.!?؟…]["'”’»)\]]*$/u;
/** Most of a block's text is link text: a pointer to other pages (a teaser, a menu entry), not the article's prose. */
const LINKED = 0.5;
/** Text in a <figure> (outside <figcaption>) this short describes the image; longer, the page misuses the tag. */
const FIGURE_WORDS = 60;
/** Longest caption told by its place alone (beside an image, not ending like a sentence). */
const CAPTION_WORDS = 40;

function refinedRole(b: RawBlock, lang: string, pageLang: string, titleCompact: string): BlockRole {
  const n = words(b.text).length;
  if (n >= 12 && SENTENCE_END.test(b.text)) {
    if (b.role === "caption") return "caption";
    if (b.figure === true && n < FIGURE_WORDS) return "caption";
    if ((b.linked ?? 0) >= LINKED) return "chrome";
    if (n <= 80 && strongFurniture(foldForMatch(b.text))) return "chrome";
    return b.role === "subheading" ? "body" : b.role;
  }
  const f = lineFeatures(b.text, 0, lang);
  if (titleCompact !== "" && f.compact === titleCompact) return "title-duplicate";
  if (b.role === "caption" || b.figure === true) return "caption";
  // A line that shares a small container with an image, and does not end like a sentence, describes the image.
  if (b.withImage === true && b.heading === undefined && !f.endsSentence && f.words <= CAPTION_WORDS) return "caption";
  return shortRole(b, f, pageLang);
}

/** A whole block that is an address to write to or follow: an e-mail address or a social handle. */
const CONTACT = /^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{2,30})$/u;
/** A gallery's position: "3 of 9", "Image 1 of / 9", "صورة 2 من 5", "2/5". */
const GALLERY_COUNTER = /^(?:\p{L}+\s+)?\p{Nd}+\s*(?:of|من|\/)\s*\/?\s*\p{Nd}+$/iu;
/** An image credit: "Photo: …", "Image credit: …", "© …", "صورة: …". */
const IMAGE_CREDIT =
  /^(?:©|\(?(?:photo|photograph|image|picture|pictures|foto|bild|credit|تصوير|الصورة|صورة|صور)(?:\s+credit)?\s*[:：/])/iu;

function shortRole(b: RawBlock, f: LineFeatures, pageLang: string): BlockRole {
  if (f.strong || f.seeAlso) return "chrome";
  if (f.domain !== null || CONTACT.test(f.text) || GALLERY_COUNTER.test(f.text)) return "chrome";
  // Inside the main content a date line is the article's own (even "last updated"), unlike a site header's.
  if (f.date === "time" || f.counter) return "chrome";
  if (f.date !== null) return "dateline";
  if (IMAGE_CREDIT.test(f.text)) return "caption";
  if ((f.credit !== null || f.byline !== null) && (f.words <= 6 || f.text.startsWith("("))) return "attribution";
  if (f.furniture > 0 && (f.words <= 4 || f.furniture * 3 >= f.words)) return "chrome";
  if (pageLang === "ar" && f.lang !== "ar" && f.lang !== "und") return f.words >= 6 ? "caption" : "chrome";
  if (pageLang === "ar" && isCreditedCaption(f)) return "caption";
  return b.role;
}
