import type { Block, BlockRole } from "../../core/types.js";
import { blockLangs } from "../../analysis/lang.js";
import { lineFeatures, type LineFeatures } from "../text/features.js";
import { strongFurniture } from "../text/lexicon.js";
import { foldCompact, foldForMatch, words } from "../text/normalize.js";
import type { RawBlock } from "./blocks.js";
import { isCreditedCaption } from "../text/classify.js";

/**
 * Readability keeps what scores like content; on Arabic pages that still includes furniture it cannot read
 * ("اقرأ أيضا", "شارك", a date widget) and English captions without <figcaption>. Each block is re-judged with the
 * plain-text line features: the markup's role stands unless the text says otherwise. A long paragraph that ends
 * like a sentence keeps its role unless it is a disclaimer, so the full feature set is computed for short blocks only.
 */
export function refineBlocks(raw: readonly RawBlock[], title: string): Block[] {
  const langs = blockLangs(raw.map((b) => b.text));
  const pageLang = dominant(raw.map((b, i) => ({ role: b.role, text: b.text, lang: langs[i] ?? "und" })));
  const titleCompact = foldCompact(title);
  return raw.map((b, i) => {
    const lang = langs[i] ?? "und";
    return { role: refinedRole(b, lang, pageLang, titleCompact), text: b.text, lang };
  });
}

function dominant(blocks: readonly { role: BlockRole; text: string; lang: string }[]): string {
  const w = new Map<string, number>();
  for (const b of blocks)
    if (b.role === "body" && b.lang !== "und") w.set(b.lang, (w.get(b.lang) ?? 0) + b.text.length);
  return [...w].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "und";
}

const SENTENCE_END = /[.!?؟…]["'”’»)\]]*$/u;

function refinedRole(b: RawBlock, lang: string, pageLang: string, titleCompact: string): BlockRole {
  const n = words(b.text).length;
  if (n >= 12 && SENTENCE_END.test(b.text)) {
    if (b.role === "caption") return "caption";
    if (n <= 80 && strongFurniture(foldForMatch(b.text))) return "chrome";
    return b.role === "subheading" ? "body" : b.role;
  }
  const f = lineFeatures(b.text, 0, lang);
  if (titleCompact !== "" && f.compact === titleCompact) return "title-duplicate";
  if (b.role === "caption") return "caption";
  return shortRole(b, f, pageLang);
}

function shortRole(b: RawBlock, f: LineFeatures, pageLang: string): BlockRole {
  if (f.strong) return "chrome";
  // Inside the main content a date line is the article's own (even "last updated"), unlike a site header's.
  if (f.date === "time" || f.counter) return "chrome";
  if (f.date !== null) return "dateline";
  if (f.credit !== null && f.words <= 6) return "attribution";
  if (f.furniture > 0 && (f.words <= 4 || f.furniture * 3 >= f.words)) return "chrome";
  if (pageLang === "ar" && f.lang !== "ar" && f.lang !== "und") return f.words >= 6 ? "caption" : "chrome";
  if (pageLang === "ar" && isCreditedCaption(f)) return "caption";
  return b.role;
}
