import { parentPort } from "node:worker_threads";
import { DocContext } from "../core/context.js";
import { RasdError } from "../core/errors.js";
import { inputLabel } from "../core/label.js";
import type { Stage } from "../core/stage.js";
import type { PoolAnswerMessage, PoolJobMessage, PoolResult } from "./pool.js";
import { runStages } from "./run.js";
import { failure } from "./failure.js";
import type { DocInput } from "./store-batch.js";

/**
 * The worker thread's side of StagePool: runs each job's documents through `stages` (decode first), one after the
 * other, and answers with every result in order. A document that fails is its own failure; the rest go on.
 */
export function serveStages(stages: readonly Stage[]): void {
  const port = parentPort;
  if (port === null) throw new RasdError("INTERNAL", "serveStages runs in a worker thread, not the main one");
  port.on("message", (m: PoolJobMessage) => {
    void answer(m, stages).then((a) => port.postMessage(a));
  });
  port.postMessage({ ready: true } satisfies PoolAnswerMessage);
}

async function answer(m: PoolJobMessage, stages: readonly Stage[]): Promise<PoolAnswerMessage> {
  const results: PoolResult[] = [];
  for (const d of m.docs) results.push(await runOne(d, stages));
  return { job: m.job, results };
}

async function runOne(input: DocInput, stages: readonly Stage[]): Promise<PoolResult> {
  try {
    const doc = await runStages(input.raw, input.sourceKey, stages, new DocContext(input.raw.source.path));
    const { raw: _raw, ...rest } = doc;
    return { ok: true, doc: rest };
  } catch (e) {
    return { ok: false, failure: failure(inputLabel(input.raw.source), e) };
  }
}
