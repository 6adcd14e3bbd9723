import type { DocContext } from "../core/context.js";
import { hash64 } from "../core/hash.js";
import type { Doc, RawDoc } from "../core/stage.js";
import { emptyArticle } from "../core/stage.js";
import { decodeBytes } from "../decode/decode.js";

/**
 * The first step, before the stages: bytes to text, and the article's id. The id derives from the page's source
 * and its raw content, so ingesting the same page twice is a no-op and the same text at another URL is another
 * article (DESIGN.md, `rasd ingest`).
 */
export function decodeDoc(raw: RawDoc, sourceKey: string, ctx: DocContext): Doc {
  ctx.stage = "decode";
  let decoded: string;
  if (raw.text !== undefined) {
    decoded = raw.text;
  } else {
    const d = decodeBytes(raw.bytes ?? new Uint8Array(), raw.source.path, {
      html: raw.format === "html",
      forced: raw.encoding,
      transport: raw.charset,
    });
    decoded = d.text;
    if (d.encoding !== "utf-8" || d.how === "detected")
      ctx.info("encoding", `decoded as ${d.encoding} (${d.why ?? d.how})`);
    if (d.contradiction !== undefined)
      ctx.warn("encoding-contradicted", `${d.contradiction}; read as ${d.encoding} (${d.why ?? d.how})`);
  }
  // PostgreSQL can store NUL in neither text nor jsonb ("unsupported Unicode escape sequence"): one record with a
  // "\u0000" escape would fail its whole batch. U+FFFD keeps every offset where it was.
  if (decoded.includes("\u0000")) {
    decoded = decoded.replaceAll("\u0000", "\uFFFD");
    ctx.warn("nul", "the text holds NUL characters; they were replaced by U+FFFD");
  }
  const article = emptyArticle(raw.source);
  const content = raw.meta?.title !== undefined ? `${raw.meta.title}\n${decoded}` : decoded;
  article.id = hash64(`${sourceKey}\u0000${hash64(content)}`);
  return { raw, decoded, article };
}
