export { extractStage, extractText, MAX_TEXT_CHARS } from "./stage.js";
export { extractPage } from "./page.js";
export { extractRecord } from "./record.js";
export { extractHtml, type HtmlExtraction, type HtmlOptions } from "./html/extract.js";
export { classifyLines, toBlocks, type LineClassification, type ClassifyOptions } from "./text/classify.js";
export { creditsOf, type Credits } from "./text/publisher.js";
export { cleanTitle } from "./html/title.js";
export { articleText } from "./assemble.js";
