import { cliticForms, nameKey } from "./text.js";

/**
 * Names without the proclitics news text writes them with (وكاتر، لداعش، بتنظيم داعش): a mention starts after the
 * proclitics the linking step took off, so every alias stored from it is the name itself, and a name looked up is
 * folded the same way (lookupKeys).
 */

/** Harakat, Quranic marks, superscript alef and tatweel: written on a letter, never one of their own. */
const ON_A_LETTER = /[\p{M}\u0640]/u;

/**
 * The UTF-16 length of the first `letters` letters of `surface`, with the marks written on them: where the name
 * starts once that many letters of proclitics are taken off (وَلِداعش, 2 letters → 4 code units).
 */
export function surfaceCut(surface: string, letters: number): number {
  let i = 0;
  for (let seen = 0; seen < letters && i < surface.length; seen++) {
    i += surface.codePointAt(i)! > 0xffff ? 2 : 1;
    while (i < surface.length && ON_A_LETTER.test(surface[i]!)) i++;
  }
  return i;
}

/**
 * Keys to find a name by in a store of clitic-free names: the name's own key first, then the keys of its first
 * word's proclitic-free forms (لداعش → داعش, وكاتر → كاتر, للأسد → الأسد). The caller takes the first key that
 * finds anything, so a name that is itself stored (وليد) is never read as و + ليد.
 */
export function lookupKeys(name: string): string[] {
  const key = nameKey(name);
  const [first, ...rest] = key.split(" ");
  const out = [key];
  for (const f of cliticForms(first ?? "")) {
    const k = [f.form, ...rest].join(" ");
    if (f.cut > 0 && !out.includes(k)) out.push(k);
  }
  return out;
}
