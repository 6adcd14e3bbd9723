import { isolate } from "./bidi.js";
import { COUNTS, type CountKey } from "./counts.js";
import { LABELS, type LabelKey } from "./labels.js";
import { pluralForm, type Lang } from "./plural.js";

/** One message catalogue for the web UI and the command line. */
export function t(lang: Lang, key: LabelKey): string {
  return LABELS[key][lang];
}

export function typeLabel(lang: Lang, type: string): string {
  const key = `type_${type}`;
  return key in LABELS ? t(lang, key as LabelKey) : type;
}

/** Numbers as shown: Western digits with thousands grouped (as Saudi and Gulf papers print them). */
export function formatNumber(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/**
 * A counted phrase for plain text ("3 مصادر", "مصدران", "1 article" never): Arabic output isolates the number with
 * FSI/PDI so it keeps its place in right-to-left text.
 */
export function countText(lang: Lang, key: CountKey, n: number): string {
  const shown = lang === "ar" ? isolate(formatNumber(n)) : formatNumber(n);
  return pluralForm(lang, COUNTS[key][lang], n, shown);
}
