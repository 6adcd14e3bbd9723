export * from "./articles.js";
export * from "./clusters.js";
export * from "./entities.js";
export * from "./stories.js";
export * from "./topics.js";
