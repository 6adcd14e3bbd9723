export * from "./articles.js";
export * from "./entities.js";
export * from "./ingest.js";
export * from "./search.js";
export * from "./stories.js";
export * from "./topics.js";
export { Lru } from "./lru.js";
