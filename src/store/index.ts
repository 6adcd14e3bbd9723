export * from "./sql.js";
export * from "./store.js";
export * from "./articles.js";
export * from "./migrate.js";
export type { Migration } from "./migrations/index.js";
