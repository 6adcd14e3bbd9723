/**
 * Bidirectional isolation. A number or a Latin name inside right-to-left text takes its direction from the
 * neighbouring characters unless it is isolated, which garbles runs like «24 countries — دولة» or "1 → 1". Plain text
 * uses FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069); HTML uses <bdi> (views/bidi.ts).
 */
export const FSI = "\u2068";
export const PDI = "\u2069";

/**
 * A run that needs isolating inside Arabic text: Latin letters or digits (Western, Arabic-Indic, Persian), with the
 * punctuation that holds such a run together (2016-02-12, 3.5%, U.S., RSS/Atom, rasd_ingest, +966).
 */
export const LTR_RUN =
  /[+\-−$€£]?[\p{Script=Latin}\d\u0660-\u0669\u06F0-\u06F9](?:[\p{Script=Latin}\d\u0660-\u0669\u06F0-\u06F9_%]|[.,:/\-–'’@&+](?=[\p{Script=Latin}\d\u0660-\u0669\u06F0-\u06F9])|\s(?=[\p{Script=Latin}]))*%?/gu;

const ARABIC = /\p{Script=Arabic}/u;

export function hasArabic(s: string): boolean {
  return ARABIC.test(s);
}

/** `s` wrapped in FSI … PDI. */
export function isolate(s: string): string {
  return FSI + s + PDI;
}

/** Every Latin or numeric run of `s` isolated, when `s` has Arabic in it (a run alone needs nothing). */
export function isolateRuns(s: string): string {
  if (!hasArabic(s)) return s;
  return s.replace(LTR_RUN, (run) => isolate(run));
}

/** Splits `s` into runs: `ltr` true for a Latin/numeric run (to isolate), false for the rest. */
export function splitRuns(s: string): Array<{ text: string; ltr: boolean }> {
  const out: Array<{ text: string; ltr: boolean }> = [];
  let at = 0;
  for (const m of s.matchAll(LTR_RUN)) {
    if (m.index > at) out.push({ text: s.slice(at, m.index), ltr: false });
    out.push({ text: m[0], ltr: true });
    at = m.index + m[0].length;
  }
  if (at < s.length) out.push({ text: s.slice(at), ltr: false });
  return out;
}
