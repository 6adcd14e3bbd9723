/**
 * Reading a whole string as one temporal expression (for conformance corpora and for `--ref` checks): the string
 * must be one match from its first token to its last, trailing punctuation aside.
 */
import type { TimeExpr } from "./expr.js";
import { resolve, type Resolved, type ResolveOptions } from "./resolve.js";
import { scanText } from "./scan.js";

/** The expression a whole string says, or null when the string is not exactly one expression. */
export function parseWholeExpr(text: string): TimeExpr | null {
  const { toks, matches } = scanText(text);
  let last = toks.length;
  while (last > 0 && toks[last - 1]?.k === "p") last--;
  const m = matches[0];
  if (!m || matches.length !== 1 || m.first !== 0 || m.end < last) return null;
  return m.expr;
}

/** Resolves a whole string as one expression. */
export function parseWhole(text: string, opts: ResolveOptions): Resolved | null {
  const e = parseWholeExpr(text);
  return e ? resolve(e, opts) : null;
}
