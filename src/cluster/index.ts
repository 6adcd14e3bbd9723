export { createClusterHook } from "./hook.js";
export { Clusterer } from "./engine.js";
export type { Decision, Placement } from "./engine.js";
export { STORY_LEVEL, TOPIC_LEVEL } from "./config.js";
export { bcubed } from "./bcubed.js";
export type { BCubed } from "./bcubed.js";
export { inferDatesForStories } from "./dates.js";
