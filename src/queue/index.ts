export * from "./enqueue.js";
export * from "./liveness.js";
export * from "./payload.js";
export * from "./worker.js";
