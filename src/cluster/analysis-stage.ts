import { isMainThread } from "node:worker_threads";
import { analyzeTerms } from "../analysis/ar/analyze.js";
import { rememberTerms } from "../analysis/ar/memo.js";
import type { Doc, Stage } from "../core/stage.js";
import type { Article } from "../core/types.js";
import { articleTerms, titleTerms } from "./features.js";
import { memoIdentity, rememberIdentity, textIdentity, type TextIdentity } from "./identity.js";

/** What the analysis of one article hands over from a stage thread: plain data, as structured clone carries it. */
interface Analysis {
  /** `analyzeTerms` of the text (of the title when there is no text): the search index's and the clustering's terms. */
  body: string[];
  /** `analyzeTerms` of the title. */
  title: string[];
  /** The text's identity for dedup. */
  identity: TextIdentity;
}

/** The key of the analysis in `doc.handoff`. */
const HANDOFF = "analysis";

function bodyOf(a: Article): string {
  return a.text.length > 0 ? a.text : a.title;
}

/**
 * The analysis of the text the storing hooks need (search terms, clustering terms, the dedup identity), made with
 * the stages that need nothing but the document, so that with `--threads` it runs in the stage threads instead of
 * in the thread that stores (whose share of the work is what bounds the threads' speed-up: docs/scale.md). Two
 * stages: `analyse`, the last of the stages the threads run, and `receive`, the first of those that stay.
 *
 * In the thread that stores (one thread, or a batch too small for the threads), `analyse` fills the memos the hooks
 * read (memoTerms, memoIdentity) and `receive` has nothing to do. In a stage thread, `analyse` leaves the analysis
 * on the document and `receive` puts it in the storing thread's memos. Nothing changes the text between the two
 * (no stage runs between them), so what is remembered for a text is what analysing that text gives; the hooks
 * find it there, or make it themselves when it was forgotten: the stored result is the same either way.
 */
export function createAnalysisStages(): { analyse: Stage; receive: Stage } {
  return {
    analyse: {
      name: "analysis",
      run(doc: Doc) {
        const a = doc.article;
        if (isMainThread) {
          articleTerms(a);
          titleTerms(a);
          memoIdentity(a.text);
          return;
        }
        const analysis: Analysis = {
          body: analyzeTerms(bodyOf(a)),
          title: analyzeTerms(a.title),
          identity: textIdentity(a.text),
        };
        (doc.handoff ??= {})[HANDOFF] = analysis;
      },
    },
    receive: {
      name: "analysis",
      run(doc: Doc) {
        const analysis = doc.handoff?.[HANDOFF] as Analysis | undefined;
        if (analysis === undefined) return; // made here, or the stage failed (the hooks analyse the text themselves)
        delete doc.handoff?.[HANDOFF];
        const a = doc.article;
        rememberTerms(bodyOf(a), analysis.body);
        rememberTerms(a.title, analysis.title);
        rememberIdentity(a.text, analysis.identity);
      },
    },
  };
}
