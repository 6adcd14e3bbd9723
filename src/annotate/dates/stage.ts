import type { DocContext } from "../../core/context.js";
import type { Doc, Stage } from "../../core/stage.js";
import { annotateDates, publicationRef } from "./article.js";

/**
 * Fills `article.dates`: every temporal expression of the text (offsets into `text`) and of captions and datelines
 * (`block` + offsets into that block), resolved against the publication day when `publishedStage` fixed one.
 * Relative expressions stay `value: null` until then (inferStoryDates re-resolves them when a story settles it).
 */
export const datesStage: Stage = {
  name: "dates",
  run(doc: Doc, ctx: DocContext): void {
    const ref = publicationRef(doc.article);
    doc.article.dates = annotateDates(doc.article, ref);
    const open = doc.article.dates.filter((d) => d.value === null && d.candidates !== undefined);
    for (const d of open) {
      ctx.info("date-ambiguous", `"${d.text}" reads ${d.candidates!.join(" or ")}`, { start: d.start, end: d.end });
    }
  },
};
