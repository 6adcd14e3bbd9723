export { annotateQuotes, quotesStage } from "./stage.js";
export { findQuoteSpans, type Span } from "./marks.js";
