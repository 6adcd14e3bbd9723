import { hash64 } from "../core/hash.js";
import type { Article } from "../core/types.js";

/**
 * The exact-copy key of an article: a hash of its clean text with whitespace collapsed. Two outlets that publish
 * the same agency text get the same key; the dedup stage links such copies (and finds near-copies beside them).
 */
export function contentHash(article: Article): string {
  return hash64(article.text.replace(/\s+/gu, " ").trim());
}
