export { publishedStage } from "./stage.js";
export { inferPublished } from "./infer.js";
export { inferStoryDates } from "./story.js";
export { gatherClues, type Clues } from "./clues.js";
