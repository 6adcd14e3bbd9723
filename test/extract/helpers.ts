import { readFileSync } from "node:fs";
import { DocContext } from "../../src/core/context.js";
import { emptyArticle, type Doc, type RawDoc } from "../../src/core/stage.js";
import { extractStage } from "../../src/extract/index.js";

/** Runs the extract stage on a decoded page, as the pipeline would. */
export async function extractFrom(
  decoded: string,
  format: RawDoc["format"],
  path = "test",
  meta?: RawDoc["meta"],
): Promise<{ doc: Doc; ctx: DocContext }> {
  const raw: RawDoc = { source: { path }, format };
  if (meta !== undefined) raw.meta = meta;
  const doc: Doc = { raw, decoded, article: emptyArticle({ path }) };
  const ctx = new DocContext(path);
  ctx.stage = "extract";
  await extractStage.run(doc, ctx);
  return { doc, ctx };
}

export function readText(path: string): string {
  return readFileSync(path, "utf8");
}

/** The checker's fold (../shared/tools/check-seeds.py `norm`), to compare titles and publishers the same way. */
export function goldNorm(s: string | null | undefined): string {
  return (s ?? "")
    .replace(/[\u064B-\u0652\u0640\u200c-\u200f]/gu, "")
    .replace(/[أإآٱ]/gu, "ا")
    .replace(/ى/gu, "ي")
    .replace(/ة/gu, "ه")
    .replace(/\s+/gu, " ")
    .trim();
}
