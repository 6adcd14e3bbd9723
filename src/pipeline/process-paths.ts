import { inputLabel } from "../core/label.js";
import type { Stage } from "../core/stage.js";
import type { Article } from "../core/types.js";
import { readInput } from "../source/read.js";
import { walkInputs } from "../source/walk.js";
import { processDoc } from "./run.js";
import { failure, type DocFailure } from "./failure.js";

/** One result of processing paths without storing: an article, a failure naming its input, or a file passed over. */
export type Processed =
  | { kind: "article"; article: Article }
  | ({ kind: "failed" } & DocFailure)
  | { kind: "skipped"; reason: string; ar: string };

/**
 * Every document under `paths` through the stages, in order, nothing stored (`rasd extract`, `rasd summarize`):
 * folders walked, containers read record by record, and every failure reported in place so one bad input never
 * stops the rest.
 */
export async function* processPaths(
  paths: readonly string[],
  stages: readonly Stage[],
  opts: { encoding?: string | undefined } = {},
): AsyncGenerator<Processed> {
  for await (const w of walkInputs(paths)) {
    if (!w.ok) {
      yield { kind: "failed", ...failure(w.input, w.error) };
      continue;
    }
    for await (const item of readInput(w.file, { encoding: opts.encoding })) {
      if (item.ok === "skipped") {
        yield { kind: "skipped", reason: item.reason, ar: item.ar };
      } else if (!item.ok) {
        yield { kind: "failed", ...failure(item.input, item.error) };
      } else {
        try {
          yield { kind: "article", article: await processDoc(item.raw, item.sourceKey, stages) };
        } catch (e) {
          yield { kind: "failed", ...failure(inputLabel(item.raw.source), e) };
        }
      }
    }
  }
}
