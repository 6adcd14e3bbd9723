import type { DocContext } from "../../core/context.js";
import type { Doc, Stage } from "../../core/stage.js";
import { inferPublished } from "./infer.js";

/**
 * Fills `article.published` from the page's own clues and `doc.hints` metadata. Runs after extract and before
 * `datesStage`, which then resolves relative dates against the day found here.
 */
export const publishedStage: Stage = {
  name: "published",
  run(doc: Doc, ctx: DocContext): void {
    const p = inferPublished(doc.article, doc.hints);
    doc.article.published = p;
    if (p.date === null) {
      const what = p.candidates.length > 1 ? `candidates ${p.candidates.join(", ")}` : "no date";
      ctx.info("published-open", `publication date not fixed by the page (${what}): ${p.evidence}`);
    } else if (/contradicted/.test(p.evidence)) {
      ctx.warn("published-contradiction", p.evidence);
    }
  },
};
