import type { Article, Block } from "../core/types.js";
import { directionOf, dominantLang } from "../analysis/lang.js";

/** Roles whose text makes the clean article `text` (after the title). */
const TEXT_ROLES = new Set(["body", "subheading"]);

/** The clean article: the title, then body paragraphs and subheadings, separated by a blank line. */
export function articleText(title: string, blocks: readonly Block[]): string {
  const parts = title.trim() === "" ? [] : [title.trim()];
  for (const b of blocks) if (TEXT_ROLES.has(b.role)) parts.push(b.text);
  return parts.join("\n\n");
}

/** The article's language: that of its body, else of any block, else what the metadata says. */
export function articleLang(blocks: readonly Block[], fallback?: string): string {
  const body = dominantLang(blocks.filter((b) => TEXT_ROLES.has(b.role)));
  if (body !== "und") return body;
  const any = dominantLang(blocks);
  if (any !== "und") return any;
  return fallback?.split("-")[0] ?? "und";
}

/** Writes title, blocks, text and lang into the article (the fields every path fills the same way). */
export function fillArticle(article: Article, title: string, blocks: Block[], langFallback?: string): void {
  article.title = title;
  article.blocks = blocks;
  article.text = articleText(title, blocks);
  article.lang = articleLang(blocks, langFallback);
  if (article.lang !== "und") article.dir = directionOf(article.lang);
}

/** The host of a URL without "www.", or null. */
export function domainOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).hostname.replace(/^www\./u, "") || null;
  } catch {
    return null;
  }
}
