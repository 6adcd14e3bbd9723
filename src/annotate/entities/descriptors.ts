import { GIVEN_NAMES } from "./gazetteer/index.js";
import { isSpeechVerb, NAME_STOPS, ORG_HEADS, SPEECH_NOUNS } from "./lexicon.js";
import type { Candidate } from "./recognize.js";
import { cliticForms, fold, type Token } from "./text.js";

/**
 * Spans that look like names and are not, by class rather than by instance:
 *   - an organisation's descriptor without a name: a head word alone (وكالة، معهد، لصندوق) or followed only by
 *     indefinite common words (معهد بحثي أميركي، كمنظمة دفاع مشترك، مستشفى قطري). A name after the head is
 *     definite (معهد الإدارة العامة), a proper noun the tagger's training saw inside names (شركة أرامكو), a
 *     gazetteer name (اتحاد ميانمار) or quoted (معهد «سرب»);
 *   - a religious formula after a name (رحمه الله، حفظه الله، عز وجل): cut off, and the span dropped if nothing is left;
 *   - speech nouns, function words and a quote mark left unpaired at a span's edges (رويترز | قوله، معهد | «):
 *     trimmed.
 */

/** Two-word formulas of blessing and praise (folded), never part of a name. */
const FORMULAS: ReadonlySet<string> = new Set(
  [
    "رحمه الله",
    "رحمها الله",
    "رحمهم الله",
    "يرحمه الله",
    "يرحمها الله",
    "حفظه الله",
    "حفظها الله",
    "حفظهم الله",
    "رعاه الله",
    "أيده الله",
    "وفقه الله",
    "شاء الله",
    "رضي الله",
    "صلى الله",
    "عليه السلام",
    "عز وجل",
    "جل جلاله",
    "سبحانه وتعالى",
  ].map((p) => p.split(" ").map(fold).join(" ")),
);

const QUOTE = /^["«»“”']$/u;

/** The candidate with formulas cut off and speech words trimmed from its edges; null when nothing is left. */
export function cleanSpan(tokens: readonly Token[], c: Candidate, common: (w: string) => boolean): Candidate | null {
  let { from, to } = c;
  // A formula may start inside the span and end after it (رحمه | الله).
  for (let i = from; i < to && i + 1 < tokens.length; i++) {
    if (FORMULAS.has(`${tokens[i]!.norm} ${tokens[i + 1]!.norm}`)) {
      to = i;
      break;
    }
  }
  for (let changed = true; changed && from < to;) {
    const quotes = tokens.slice(from, to).filter((t) => QUOTE.test(t.text)).length;
    const loose = (t: Token | undefined) => edgeWord(t) || (quotes % 2 === 1 && QUOTE.test(t?.text ?? ""));
    changed = false;
    if (loose(tokens[to - 1])) [to, changed] = [to - 1, true];
    else if (loose(tokens[from])) [from, changed] = [from + 1, true];
  }
  if (from >= to || !tokens.slice(from, to).some((t) => t.word)) return null;
  const out = from === c.from && to === c.to ? c : { ...c, from, to };
  return out.type === "organization" && descriptorOnly(tokens, out, common) ? null : out;
}

function edgeWord(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (!t.word) return !QUOTE.test(t.text) && t.text !== ")" && t.text !== "(";
  // علي folds as the preposition على: a word that is also a given name stays.
  return (NAME_STOPS.has(t.norm) && !GIVEN_NAMES.has(t.norm)) || SPEECH_NOUNS.has(t.norm) || isSpeechVerb(t);
}

function definite(t: Token): boolean {
  return cliticForms(t.norm).some((f) => f.form.startsWith("ال") && f.form.length > 3);
}

/** A head word and nothing that names: see the file's comment. */
function descriptorOnly(tokens: readonly Token[], c: Candidate, common: (w: string) => boolean): boolean {
  const span = tokens.slice(c.from, c.to);
  if (span.some((t) => QUOTE.test(t.text) || t.latin)) return false;
  const words = span.filter((t) => t.word);
  const head = words[0];
  if (head === undefined || !cliticForms(head.norm).some((f) => ORG_HEADS.has(f.form))) return false;
  return words.slice(1).every((t) => !definite(t) && (common(t.norm) || /(?:ي|يه)$/u.test(t.norm)));
}
