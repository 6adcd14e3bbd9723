import { Worker } from "node:worker_threads";
import { StagePool } from "../pipeline/pool.js";

/** A pool of `threads` stage threads, each running `storeStageParts().parallel` (stage-worker.ts). */
export function stagePool(threads: number): StagePool {
  return new StagePool(threads, startStageThread);
}

/**
 * One stage thread. Its entry is stage-worker beside this module: `dist/src/assemble/stage-worker.js` once built
 * (the CLI, `node dist/…`), `src/assemble/stage-worker.ts` under tsx (benches, `npx tsx`). tsx's loader does not
 * reach worker threads, so under tsx the thread registers it itself before importing its entry.
 */
function startStageThread(): Worker {
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const url = new URL(`./stage-worker${ext}`, import.meta.url);
  if (ext === ".js") return new Worker(url);
  const code = `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true });
}
