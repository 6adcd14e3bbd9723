export { figuresStage, articleFigures } from "./stage.js";
export { findFigures, type Span } from "./find.js";
export { parseFigureWhole } from "./whole.js";
