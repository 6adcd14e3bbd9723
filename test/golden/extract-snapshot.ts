import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { corpusPath } from "../../src/core/paths.js";
import { DocContext } from "../../src/core/context.js";
import { emptyArticle, type Doc } from "../../src/core/stage.js";
import { extractStage } from "../../src/extract/index.js";

/**
 * What a golden extraction case pins, without copying the page's text into the project: the roles and languages
 * of the blocks in order, hashes of the title, the clean text and each block, and the short metadata fields.
 * A changed hash says what changed (the block index); the page itself stays in ../shared/corpus.
 */
export interface ExtractSnapshot {
  format: "text" | "html";
  lang: string;
  dir: string | null;
  publisher: { name: string | null; domain: string | null };
  attribution: string | null;
  titleSha1: string;
  textSha1: string;
  blocks: { role: string; lang: string; line?: number; sha1: string }[];
  rules: string[];
}

const sha1 = (s: string) => createHash("sha1").update(s, "utf8").digest("hex").slice(0, 16);

export function loadCorpusPage(rel: string): { decoded: string; format: "text" | "html" } {
  const path = corpusPath(...rel.split("/"));
  const bytes = readFileSync(path);
  const decoded = (rel.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
  return { decoded, format: /\.html?(\.gz)?$/u.test(rel) ? "html" : "text" };
}

export async function snapshot(rel: string): Promise<ExtractSnapshot> {
  const { decoded, format } = loadCorpusPage(rel);
  const doc: Doc = { raw: { source: { path: rel }, format }, decoded, article: emptyArticle({ path: rel }) };
  const ctx = new DocContext(rel);
  await extractStage.run(doc, ctx);
  const a = doc.article;
  return {
    format,
    lang: a.lang,
    dir: a.dir ?? null,
    publisher: a.publisher,
    attribution: a.attribution,
    titleSha1: sha1(a.title),
    textSha1: sha1(a.text),
    blocks: a.blocks.map((b) => ({
      role: b.role,
      lang: b.lang,
      ...(b.line === undefined ? {} : { line: b.line }),
      sha1: sha1(b.text),
    })),
    rules: ctx.messages.map((m) => m.rule),
  };
}
