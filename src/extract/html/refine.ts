import type { Block, BlockRole } from "../../core/types.js";
import { lineFeatures, type LineFeatures } from "../text/features.js";
import { foldCompact } from "../text/normalize.js";
import { pageLanguage } from "../text/classify.js";
import type { RawBlock } from "./blocks.js";

/**
 * Readability keeps what scores like content; on Arabic pages that still includes furniture it cannot read
 * ("اقرأ أيضا", "شارك", a date widget) and English captions without <figcaption>. Each block is re-judged with the
 * plain-text line features: the markup's role stands unless the text says otherwise.
 */
export function refineBlocks(raw: readonly RawBlock[], title: string): Block[] {
  const feats = raw.map((b, i) => lineFeatures(b.text, i + 1));
  const pageLang = pageLanguage(feats.filter((_, i) => raw[i]?.role === "body"));
  const titleCompact = foldCompact(title);
  return raw.map((b, i) => {
    const f = feats[i] as LineFeatures;
    return { role: refinedRole(b, f, pageLang, titleCompact), text: b.text, lang: f.lang };
  });
}

function refinedRole(b: RawBlock, f: LineFeatures, pageLang: string, titleCompact: string): BlockRole {
  if (titleCompact !== "" && f.compact === titleCompact) return "title-duplicate";
  if (b.role === "caption") return "caption";
  if (f.strong && f.words <= 80) return "chrome";
  const long = f.words >= 12 && f.endsSentence;
  if (long) return b.role === "subheading" ? "body" : b.role;
  // Inside the main content a date line is the article's own (even "last updated"), unlike a site header's.
  if (f.date === "time" || f.counter) return "chrome";
  if (f.date !== null) return "dateline";
  if (f.credit !== null && f.words <= 6) return "attribution";
  if (f.furniture > 0 && (f.words <= 4 || f.furniture * 3 >= f.words)) return "chrome";
  if (pageLang === "ar" && f.lang !== "ar" && f.lang !== "und") return f.words >= 6 ? "caption" : "chrome";
  if (pageLang === "ar" && isArabicCaption(f)) return "caption";
  return b.role;
}

/** "… (رويترز)": a short parenthesis closing a line that is not a sentence is a photo credit. */
function isArabicCaption(f: LineFeatures): boolean {
  if (f.trailingCredit === null || f.words < 4 || f.words > 45) return false;
  if (/\p{Nd}/u.test(f.trailingCredit) || f.trailingCredit.split(/\s+/u).length > 4) return false;
  return !/[.!?؟]\s*\([^()]*\)\s*$/u.test(f.text);
}
