/**
 * Runs one extreme input through one entry point, inside a worker thread that the test can stop (a hang) and whose
 * heap is capped (a blow-up): see bounded.ts. The input is built here, so 50 MB never crosses the thread boundary.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { annotateLine } from "../../src/annotate/line.js";
import { dt } from "../../src/annotate/dates/calendar.js";
import { analyzeTerms } from "../../src/analysis/ar/analyze.js";
import { sentences } from "../../src/analysis/ar/sentences.js";
import { RasdError } from "../../src/core/errors.js";
import { loadHasher } from "../../src/core/hash.js";
import type { RawDoc } from "../../src/core/stage.js";
import { decodeBytes } from "../../src/decode/decode.js";
import { runStages } from "../../src/pipeline/run.js";
import { createStages } from "../../src/assemble/stages.js";
import { readInput } from "../../src/source/read.js";
import { EXTREMES, type ExtremeResult, type ExtremeSummary } from "./extremes.js";

async function pipeline(name: string, format: RawDoc["format"], input: string | Uint8Array): Promise<ExtremeSummary> {
  await loadHasher();
  const raw: RawDoc =
    typeof input === "string"
      ? { source: { path: name }, format, text: input }
      : { source: { path: name }, format, bytes: input };
  const doc = await runStages(raw, name, createStages());
  const a = doc.article;
  return {
    text: a.text.length,
    blocks: a.blocks.length,
    rules: [...new Set(a.messages.map((m) => `${m.stage}/${m.rule}`))],
  };
}

async function run(name: string): Promise<ExtremeSummary> {
  const ex = EXTREMES.find((e) => e.name === name);
  if (ex === undefined) throw new Error(`no extreme input named ${name}`);
  const input = ex.build();
  switch (ex.target) {
    case "html":
    case "text":
      return pipeline(name, ex.target, input);
    case "decode": {
      const d = decodeBytes(typeof input === "string" ? new TextEncoder().encode(input) : input, name, { html: true });
      return { text: d.text.length, blocks: 0, rules: [d.encoding] };
    }
    case "annotate": {
      const r = annotateLine(String(input), { ref: dt(2015, 12, 15) });
      return { text: r.dates.length + r.figures.length, blocks: 0, rules: [] };
    }
    case "analyze":
      return { text: analyzeTerms(String(input)).length, blocks: sentences(String(input)).length, rules: [] };
    case "jsonl": {
      const dir = mkdtempSync(join(tmpdir(), "rasd-extreme-"));
      try {
        const path = join(dir, "big.jsonl");
        writeFileSync(path, input);
        let rules: string[] = [];
        let text = 0;
        for await (const item of readInput({ path, kind: "jsonl", gzip: false, explicit: true })) {
          if (item.ok === true) {
            const s = await pipeline(name, "record", item.raw.text ?? "");
            text += s.text;
            rules = [...rules, ...s.rules];
          } else if (item.ok === false) rules.push(`rejected: ${item.error.message.slice(0, 200)}`);
        }
        return { text, blocks: 0, rules };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}

if (parentPort !== null) {
  const port = parentPort;
  const t0 = performance.now();
  run(String((workerData as { name: string }).name)).then(
    (summary) => port.postMessage({ outcome: "ok", ms: performance.now() - t0, summary } satisfies ExtremeResult),
    (e: unknown) =>
      port.postMessage({
        outcome: e instanceof RasdError ? "rejected" : "crashed",
        ms: performance.now() - t0,
        message: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        ...(e instanceof RasdError ? { code: e.code } : {}),
      } satisfies ExtremeResult),
  );
}
