export * from "./enqueue.js";
export * from "./liveness.js";
export * from "./payload.js";
export * from "./serialise.js";
export * from "./store-docs.js";
export * from "./worker.js";
