import { messageOf } from "../core/errors.js";
import { inputLabel } from "../core/label.js";
import type { Stage } from "../core/stage.js";
import type { Article } from "../core/types.js";
import { readInput } from "../source/read.js";
import { walkInputs } from "../source/walk.js";
import { processDoc } from "./run.js";

/** One result of processing paths without storing: an article, a failure naming its input, or a file passed over. */
export type Processed =
  | { kind: "article"; article: Article }
  | { kind: "failed"; input: string; reason: string }
  | { kind: "skipped"; reason: string };

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
      yield { kind: "failed", input: w.input, reason: w.error.message };
      continue;
    }
    for await (const item of readInput(w.file, { encoding: opts.encoding })) {
      if (item.ok === "skipped") {
        yield { kind: "skipped", reason: item.reason };
      } else if (!item.ok) {
        yield { kind: "failed", input: item.input, reason: item.error.message };
      } else {
        try {
          yield { kind: "article", article: await processDoc(item.raw, item.sourceKey, stages) };
        } catch (e) {
          yield { kind: "failed", input: inputLabel(item.raw.source), reason: messageOf(e) };
        }
      }
    }
  }
}
