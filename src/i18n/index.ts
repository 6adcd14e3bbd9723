export * from "./plural.js";
export * from "./bidi.js";
export * from "./labels.js";
export * from "./counts.js";
export * from "./units.js";
export * from "./outlets.js";
export * from "./errors.js";
export * from "./messages.js";
