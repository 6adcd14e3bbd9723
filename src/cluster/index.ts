export { createClusterHook } from "./hook.js";
export { Clusterer } from "./engine.js";
export type { Decision, Placement } from "./engine.js";
export { DEFAULT_CLUSTER_CONFIG, STORY_LEVEL, TOPIC_LEVEL } from "./config.js";
export type { ClusterConfig, StoryRules } from "./config.js";
export { bcubed } from "./bcubed.js";
export type { BCubed } from "./bcubed.js";
export { inferDatesForStories } from "./dates.js";
