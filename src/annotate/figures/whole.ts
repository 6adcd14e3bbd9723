/**
 * Reading a whole string as one figure (for conformance corpora such as Duckling's money and duration groups):
 * a qualifier may come first, then exactly one figure to the end of the string.
 */
import type { Figure } from "../../core/types.js";
import { fold, tokenize } from "../text/tokens.js";
import { findFigures } from "./find.js";
import { QUALIFIERS, UNIT_WORDS, ONE } from "./lexicon-units.js";

const QUALIFIER_TEXTS = new Set(QUALIFIERS.map(([w]) => w.join(" ")));

/** The one figure a whole string states, or null. A lone unit noun counts one of it (شهر = 1 month). */
export function parseFigureWhole(text: string): Figure | null {
  const t = text.trim();
  const toks = tokenize(t);
  const only = toks.length === 1 ? toks[0] : undefined;
  if (only && only.k === "w" && (ONE.has(only.f) || only.f === "لحظه")) {
    const unit = only.f === "لحظه" ? "second" : (UNIT_WORDS.get(only.f)?.unit ?? null);
    return { text: t, value: 1, unit, start: 0, end: t.length };
  }
  const figs = findFigures(t, [], toks);
  const f = figs[0];
  if (figs.length !== 1 || !f || f.end !== t.length) return null;
  const head = fold(t.slice(0, f.start)).trim().replace(/\s+/g, " ");
  if (head !== "" && !QUALIFIER_TEXTS.has(head)) return null;
  return f;
}
