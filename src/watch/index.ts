export * from "./http.js";
export * from "./items.js";
export * from "./poll.js";
export * from "./schedule.js";
export * from "./state.js";
export * from "./watcher.js";
