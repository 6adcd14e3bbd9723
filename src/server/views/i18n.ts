/** The views' access to the one message catalogue (src/i18n), plus the helpers that put its text into HTML. */
export {
  countText,
  errorSentence,
  figureParts,
  formatNumber,
  genericError,
  outletName,
  t,
  typeLabel,
  type CountKey,
  type Lang,
  type LabelKey,
} from "../../i18n/index.js";
export { count, dateHtml, label, showDate, verbatim, num } from "./bidi.js";
