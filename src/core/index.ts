export * from "./types.js";
export * from "./errors.js";
export * from "./context.js";
export * from "./stage.js";
export * from "./hash.js";
