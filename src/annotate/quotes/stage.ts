import type { DocContext } from "../../core/context.js";
import type { Doc, Stage } from "../../core/stage.js";
import type { Article, Quote } from "../../core/types.js";
import { findQuoteSpans } from "./marks.js";
import { attribute, speakerIndex } from "./speaker.js";

/** Quotations of one article with their speakers (the article's entities must be filled first). */
export function annotateQuotes(article: Article): Quote[] {
  const spans = findQuoteSpans(article.text);
  if (spans.length === 0) return [];
  const speakers = attribute(
    speakerIndex(article),
    spans.map((s) => s.at),
  );
  return spans.map((s, i) => ({
    speaker: speakers[i] ?? null,
    text: article.text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
  }));
}

/** The quotes stage: runs after the entities stage, fills `article.quotes`. */
export const quotesStage: Stage = {
  name: "quotes",
  run(doc: Doc, ctx: DocContext) {
    doc.article.quotes = annotateQuotes(doc.article);
    const unknown = doc.article.quotes.filter((q) => q.speaker === null).length;
    if (unknown > 0)
      ctx.info("speaker-unknown", `${unknown} of ${doc.article.quotes.length} quotations have no speaker found`);
  },
};
