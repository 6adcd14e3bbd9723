import { Worker } from "node:worker_threads";
import type { ExtremeResult } from "./extremes.js";

/** Heap cap of one extreme call, in MB: five times the largest input plus what the pipeline needs to start. */
export const HEAP_LIMIT_MB = 1536;

/**
 * Runs the extreme input `name` in a worker thread, killed after `timeoutMs` (a hang) and capped at HEAP_LIMIT_MB of
 * heap (a blow-up); either is reported as an outcome, so the test fails with a reason instead of hanging the suite.
 */
export function runBounded(
  name: string,
  timeoutMs: number,
): Promise<ExtremeResult | { outcome: "timeout" | "out-of-memory" | "died"; ms: number; message: string }> {
  // Same folder, same extension as this module: .ts under tsx, .js once compiled.
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const t0 = performance.now();
  const url = new URL(`./bounded-worker${ext}`, import.meta.url);
  const options = { workerData: { name }, resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } };
  // tsx's loader does not reach worker threads: under tsx the worker registers it itself before importing.
  const worker =
    ext === ".ts"
      ? new Worker(
          `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`,
          { ...options, eval: true },
        )
      : new Worker(url, options);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ outcome: "timeout", ms: performance.now() - t0, message: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    worker.once("message", (m: ExtremeResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once("error", (e: Error & { code?: string }) => {
      clearTimeout(timer);
      const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
      resolve({
        outcome: oom ? "out-of-memory" : "died",
        ms: performance.now() - t0,
        message: `${e.name}: ${e.message}`,
      });
    });
  });
}
