import { DocContext } from "../core/context.js";
import { RasdError, messageOf } from "../core/errors.js";
import type { Doc, RawDoc, Stage } from "../core/stage.js";
import type { Article } from "../core/types.js";
import { decodeDoc } from "./decode-stage.js";

/**
 * Runs one document through decode and the stages, in order. A stage that throws a RasdError stops the document
 * (the error names the input); any other exception is a bug in that stage: it is recorded as an error diagnostic and
 * the document goes on without that stage's contribution, so one faulty annotator never costs an article.
 */
export async function runStages(
  raw: RawDoc,
  sourceKey: string,
  stages: readonly Stage[],
  ctx = new DocContext(raw.source.path),
): Promise<Doc> {
  const doc = decodeDoc(raw, sourceKey, ctx);
  return runMoreStages(doc, ctx, stages);
}

/** Runs stages on a document that has been through earlier ones (with the same context, so messages add up). */
export async function runMoreStages(doc: Doc, ctx: DocContext, stages: readonly Stage[]): Promise<Doc> {
  for (const stage of stages) {
    ctx.stage = stage.name;
    try {
      await stage.run(doc, ctx);
    } catch (e) {
      if (e instanceof RasdError) throw e;
      ctx.report("stage-failed", `the ${stage.name} stage failed on this document: ${messageOf(e)}`, "error");
    }
  }
  doc.article.messages = ctx.messages;
  return doc;
}

/** Runs a document through the pipeline and returns its Article. */
export async function processDoc(raw: RawDoc, sourceKey: string, stages: readonly Stage[]): Promise<Article> {
  return (await runStages(raw, sourceKey, stages)).article;
}
