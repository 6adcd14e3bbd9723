/**
 * The entry of one stage thread (StagePool, pipeline/pool.ts): loads the hasher and the stages that need nothing but
 * the document, once, then serves jobs until the pool stops it. Its models load on the first document, in this
 * thread, once for the thread's life.
 */
import { loadHasher } from "../core/hash.js";
import { serveStages } from "../pipeline/pool-worker.js";
import { storeStageParts } from "./stages.js";

await loadHasher();
serveStages(storeStageParts().parallel);
