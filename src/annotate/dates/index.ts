export { datesStage } from "./stage.js";
export { annotateDates, dateSources, publicationRef, toDateRef, yearHint, type DateSource } from "./article.js";
export { findDates, type FoundDate, type Cues } from "./find.js";
export { resolve, type Resolved, type ResolveOptions, type Bias } from "./resolve.js";
export { parseWhole, parseWholeExpr } from "./whole.js";
export { scan, scanText, type Match } from "./scan.js";
export type { TimeExpr, TimeOfDay } from "./expr.js";
export { dt, isoDay, parseIsoDay, weekday, fromHijri, toHijri, type DT, type Grain } from "./calendar.js";
