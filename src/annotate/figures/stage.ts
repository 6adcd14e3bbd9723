import type { DocContext } from "../../core/context.js";
import type { Doc, Stage } from "../../core/stage.js";
import type { Article, Figure } from "../../core/types.js";
import { dateSources } from "../dates/article.js";
import { findFigures, type Span } from "./find.js";

/**
 * The figures of an article: in its `text`, and in its captions (with `block`). Numbers that are part of a date
 * or a time (`2014` in `آب/ أغسطس 2014`, `14:58`) are left to the dates.
 */
export function articleFigures(article: Article): Figure[] {
  const sources = dateSources(article);
  const spans = (block: number | undefined): Span[] =>
    sources.filter((s) => s.block === block).map((s) => ({ start: s.found.start, end: s.found.end }));
  const out = findFigures(article.text, spans(undefined));
  article.blocks.forEach((b, i) => {
    if (b.role !== "caption") return;
    for (const f of findFigures(b.text, spans(i))) out.push({ ...f, block: i });
  });
  return out;
}

/** Fills `article.figures`. Independent of the other annotate stages (it reads the dates' spans itself). */
export const figuresStage: Stage = {
  name: "figures",
  run(doc: Doc, _ctx: DocContext): void {
    doc.article.figures = articleFigures(doc.article);
  },
};
